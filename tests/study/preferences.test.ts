import { describe, expect, it } from 'vitest';
import { upsertGuildSettings } from '../../src/db/guild-settings.js';
import { chooseGuildExam, choosePersonExam, choosePersonTimeZone, examFor, zoneFor } from '../../src/study/preferences.js';
import { testEngine } from '../helpers/engine.js';

describe('whose zone and whose exam', () => {
  it('a person’s own zone wins, then the server’s, then the configured default', () => {
    const { engine } = testEngine();
    engine.defaults.timeZone = 'America/New_York';
    expect(zoneFor(engine, 'ann', null)).toBe('America/New_York');
    upsertGuildSettings(engine.store, 'g', { timeZone: 'Asia/Kolkata' }, engine.clock.now());
    expect(zoneFor(engine, 'ann', 'g')).toBe('Asia/Kolkata');
    expect(choosePersonTimeZone(engine, 'ann', 'Pacific/Auckland')).toEqual({ ok: true, zone: 'Pacific/Auckland' });
    expect(zoneFor(engine, 'ann', 'g')).toBe('Pacific/Auckland');
    expect(choosePersonTimeZone(engine, 'ann', 'Europe/Atlantis')).toMatchObject({ ok: false, reason: 'unknown', subject: 'time-zone' });
  });

  it('a person’s own exam wins, then the server’s, then DEFAULT_EXAM; a server switch drops a domain its exam lacks', () => {
    const { engine } = testEngine();
    expect(examFor(engine, 'ann', 'g').code).toBe('fx-a01');
    upsertGuildSettings(engine.store, 'g', { domain: 'storage' }, engine.clock.now());
    expect(chooseGuildExam(engine, 'g', 'fx-b01')).toMatchObject({ ok: true });
    expect(examFor(engine, 'ann', 'g').code).toBe('fx-b01');
    expect(engine.store.sqlite.prepare("SELECT domain FROM guild_settings WHERE guild_id = 'g'").get()).toEqual({ domain: null });
    expect(choosePersonExam(engine, 'ann', 'fx-a01')).toMatchObject({ ok: true });
    expect(examFor(engine, 'ann', 'g').code).toBe('fx-a01');
    expect(examFor(engine, 'bob', 'g').code).toBe('fx-b01');
    expect(choosePersonExam(engine, 'ann', null)).toMatchObject({ ok: true });
    expect(examFor(engine, 'ann', 'g').code).toBe('fx-b01');
    expect(chooseGuildExam(engine, 'g', 'nope')).toMatchObject({
      ok: false,
      reason: 'unknown',
      subject: 'exam',
      valid: ['fx-a01', 'fx-b01'],
    });
  });
});
