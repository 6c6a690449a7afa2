import { describe, expect, it } from 'vitest';
import { addDays, localDate, localTime, periodBounds, startOfLocalDay } from '../../src/progress/calendar.js';

const at = (iso: string) => new Date(iso);

describe('localDate / localTime', () => {
  it('gives the day and time on the wall clock of the zone', () => {
    const instant = at('2025-03-10T23:30:00Z');
    expect(localDate(instant, 'UTC')).toBe('2025-03-10');
    expect(localDate(instant, 'Europe/Berlin')).toBe('2025-03-11');
    expect(localTime(instant, 'Europe/Berlin')).toBe('00:30');
    expect(localDate(at('2025-03-10T11:30:00Z'), 'Pacific/Auckland')).toBe('2025-03-11');
    expect(localDate(at('2025-03-11T05:00:00Z'), 'America/Los_Angeles')).toBe('2025-03-10');
    expect(localTime(at('2025-03-11T05:00:00Z'), 'America/Los_Angeles')).toBe('22:00');
  });

  it('uses 00:00, not 24:00, at midnight', () => {
    expect(localTime(at('2025-03-10T23:00:00Z'), 'Europe/Berlin')).toBe('00:00');
  });
});

describe('addDays', () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2025-03-29', 2)).toBe('2025-03-31');
  });
});

describe('startOfLocalDay', () => {
  it('is local midnight, also on the days the clocks change', () => {
    // Berlin springs forward on 30 March 2025 (a 23-hour day) and falls back on 26 October.
    expect(startOfLocalDay('2025-03-30', 'Europe/Berlin').toISOString()).toBe('2025-03-29T23:00:00.000Z');
    expect(startOfLocalDay('2025-03-31', 'Europe/Berlin').toISOString()).toBe('2025-03-30T22:00:00.000Z');
    expect(startOfLocalDay('2025-10-26', 'Europe/Berlin').toISOString()).toBe('2025-10-25T22:00:00.000Z');
    expect(startOfLocalDay('2025-10-27', 'Europe/Berlin').toISOString()).toBe('2025-10-26T23:00:00.000Z');
  });

  it('handles zones far from UTC and odd offsets', () => {
    expect(startOfLocalDay('2025-03-10', 'Pacific/Auckland').toISOString()).toBe('2025-03-09T11:00:00.000Z');
    expect(startOfLocalDay('2025-03-10', 'America/Los_Angeles').toISOString()).toBe('2025-03-10T07:00:00.000Z');
    expect(startOfLocalDay('2025-03-10', 'Asia/Kathmandu').toISOString()).toBe('2025-03-09T18:15:00.000Z');
    expect(startOfLocalDay('2025-03-10', 'Pacific/Kiritimati').toISOString()).toBe('2025-03-09T10:00:00.000Z');
  });

  it('starts at the end of the gap when the clocks skip midnight', () => {
    // Chile springs forward at 00:00 -> 01:00 on 7 September 2025: that day begins at 01:00.
    const start = startOfLocalDay('2025-09-07', 'America/Santiago');
    expect(start.toISOString()).toBe('2025-09-07T04:00:00.000Z');
    expect(localTime(start, 'America/Santiago')).toBe('01:00');
    expect(localDate(new Date(start.getTime() - 1), 'America/Santiago')).toBe('2025-09-06');
  });
});

describe('startOfLocalDay, every day of a year', () => {
  const zones = [
    'UTC',
    'Europe/Berlin',
    'America/Los_Angeles',
    'Pacific/Auckland',
    'America/Santiago',
    'Asia/Kathmandu',
    'Australia/Lord_Howe', // half-hour DST shift
    'Pacific/Chatham',
    'America/St_Johns',
    'Asia/Tehran',
  ];
  it.each(zones)('%s: the day begins there and not a millisecond earlier', (tz) => {
    for (let day = '2025-01-01'; day < '2026-01-01'; day = addDays(day, 1)) {
      const start = startOfLocalDay(day, tz);
      expect(localDate(start, tz)).toBe(day);
      expect(localDate(new Date(start.getTime() - 1), tz)).toBe(addDays(day, -1));
    }
  });
});

describe('periodBounds', () => {
  it('weeks run Monday 00:00 to Monday 00:00 local, across the DST change', () => {
    const { start, end } = periodBounds('week', at('2025-03-30T12:00:00Z'), 'Europe/Berlin');
    expect(start?.toISOString()).toBe('2025-03-23T23:00:00.000Z');
    expect(end?.toISOString()).toBe('2025-03-30T22:00:00.000Z');
  });

  it('Monday at local midnight belongs to the new week, one millisecond earlier to the old', () => {
    const monday = at('2025-03-16T11:00:00Z'); // Monday 17 March 00:00 in Auckland
    expect(periodBounds('week', monday, 'Pacific/Auckland').start).toEqual(monday);
    expect(periodBounds('week', new Date(monday.getTime() - 1), 'Pacific/Auckland').end).toEqual(monday);
  });

  it('months reset at local midnight on the first', () => {
    const { start, end } = periodBounds('month', at('2025-03-30T12:00:00Z'), 'Europe/Berlin');
    expect(start?.toISOString()).toBe('2025-02-28T23:00:00.000Z');
    expect(end?.toISOString()).toBe('2025-03-31T22:00:00.000Z');
    const december = periodBounds('month', at('2025-12-30T12:00:00Z'), 'Pacific/Auckland');
    expect(december.start?.toISOString()).toBe('2025-11-30T11:00:00.000Z');
    expect(december.end?.toISOString()).toBe('2025-12-31T11:00:00.000Z');
  });

  it('all time has no bounds', () => {
    expect(periodBounds('all', at('2025-03-30T12:00:00Z'), 'UTC')).toEqual({ start: null, end: null });
  });
});
