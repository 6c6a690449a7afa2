import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../helpers/clock.js';
import { openDatabase } from '../../src/db/connection.js';
import { backupDatabase } from '../../src/study/backup.js';
import { recordAnswer } from '../../src/study/record-answer.js';
import { answer } from '../progress/answers.js';
import { openTempDatabase, tempDir } from './temp.js';

describe('backupDatabase', () => {
  it('makes a readable, consistent copy while answers keep being written', async () => {
    const store = openTempDatabase();
    const clock = fixedClock('2025-03-10T08:00:00Z');
    let step = 0;
    const write = (n: number) => {
      for (let i = 0; i < n; i++) {
        clock.advance(1_000);
        recordAnswer(store, answer({ step: step++, questionId: `q${step % 40}` }), clock);
      }
    };
    write(2_000);

    // A second connection keeps writing between the backup's steps (the backup yields to the event loop).
    const writer = openDatabase(store.path);
    let writes = 0;
    const timer = setInterval(() => {
      writes += 1;
      for (let i = 0; i < 50; i++) {
        clock.advance(1_000);
        recordAnswer(writer, answer({ personId: 'other', step: step++ }), clock);
      }
    }, 1);
    const file = join(tempDir(), 'backups', 'tutor-backup.db');
    try {
      await backupDatabase(store, file);
    } finally {
      clearInterval(timer);
      writer.close();
    }
    expect(writes).toBeGreaterThan(0);

    const copy = new BetterSqlite3(file, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('foreign_key_check')).toEqual([]);
      const mine = copy.prepare(`SELECT count(*) FROM attempts WHERE person_id = '111111111111111111'`).pluck().get();
      expect(mine).toBe(2_000);
      // Totals in the copy agree with the answers in the copy: one snapshot, not a torn read.
      const totals = copy.prepare('SELECT sum(attempts) FROM member_totals').pluck().get();
      const answers = copy.prepare('SELECT count(*) FROM attempts WHERE guild_id IS NOT NULL').pluck().get();
      expect(totals).toBe(answers);
    } finally {
      copy.close();
    }
  });
});
