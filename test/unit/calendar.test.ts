import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, daysBetween, fromDayNumber, formatLongDate, londonDate, parseIsoDate } from '../../src/domain/calendar.js';

describe('calendar dates', () => {
  it('parses only real dates', () => {
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(parseIsoDate('2023-02-29')).toBeNull();
    expect(parseIsoDate('2024-13-01')).toBeNull();
    expect(parseIsoDate('2024-1-01')).toBeNull();
    expect(parseIsoDate('31/01/2024')).toBeNull();
  });

  it('counts days across month, year and leap-year ends', () => {
    expect(addDays(parseIsoDate('2024-02-28')!, 1)).toBe('2024-02-29');
    expect(addDays(parseIsoDate('2023-02-28')!, 1)).toBe('2023-03-01');
    expect(addDays(parseIsoDate('2025-12-31')!, 1)).toBe('2026-01-01');
    expect(daysBetween(parseIsoDate('2024-01-01')!, parseIsoDate('2025-01-01')!)).toBe(366);
  });

  it('round-trips every day number', () => {
    fc.assert(fc.property(fc.integer({ min: -50_000, max: 50_000 }), (n) => dayNumber(fromDayNumber(n)) === n));
  });

  it('takes the England date at instants around midnight and the clock changes', () => {
    // 23:30 UTC on 30 March 2025 is 00:30 BST on 31 March
    expect(londonDate(new Date('2025-03-30T23:30:00Z'))).toBe('2025-03-31');
    // 23:30 UTC on 26 October 2025 is 23:30 GMT, still the 26th
    expect(londonDate(new Date('2025-10-26T23:30:00Z'))).toBe('2025-10-26');
    expect(londonDate(new Date('2025-06-30T23:00:00Z'))).toBe('2025-07-01');
    expect(londonDate(new Date('2025-12-31T23:59:59Z'))).toBe('2025-12-31');
  });

  it('writes dates as a letter does', () => {
    expect(formatLongDate(parseIsoDate('2026-03-01')!)).toBe('1 March 2026');
  });

  it('writes dates as a letter in another language does, and English where the language is unknown', () => {
    expect(formatLongDate(parseIsoDate('2026-11-23')!, 'pl')).toBe('23 listopada 2026');
    expect(formatLongDate(parseIsoDate('2026-11-23')!, 'cy')).toBe('23 Tachwedd 2026');
    expect(formatLongDate(parseIsoDate('2026-11-23')!, 'zz')).toBe('23 November 2026');
    expect(formatLongDate(parseIsoDate('2026-11-23')!, 'en')).toBe('23 November 2026');
  });

  it('prints the calendar day itself in every language, never the day before or after', () => {
    const days = fc
      .integer({ min: dayNumber(parseIsoDate('1990-01-01')!), max: dayNumber(parseIsoDate('2100-12-31')!) })
      .map(fromDayNumber);
    fc.assert(
      fc.property(days, fc.constantFrom('pl', 'cy', 'ro', 'lt', 'pt'), (date, language) => {
        const [year, , day] = date.split('-').map(Number);
        const text = formatLongDate(date, language);
        return new RegExp(`\\b${day}\\b`).test(text) && text.includes(String(year));
      }),
    );
  });
});
