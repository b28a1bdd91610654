import { describe, expect, it } from 'vitest';
import { type CalendarDate, londonDate } from '../../src/domain/calendar.js';
import { instantOnDay, londonDateTime, londonWallClock } from '../../src/domain/clock.js';

describe('a saved instant is told in England time', () => {
  it.each([
    ['2026-01-15T09:30:00Z', '2026-01-15 09:30'], // GMT
    ['2026-07-15T09:30:00Z', '2026-07-15 10:30'], // BST
    ['2026-07-15T23:30:00Z', '2026-07-16 00:30'], // the next day in England
    ['2026-03-29T00:59:00Z', '2026-03-29 00:59'],
    ['2026-03-29T01:00:00Z', '2026-03-29 02:00'], // clocks go forward
  ])('%s is %s', (utc, shown) => {
    expect(londonDateTime(new Date(utc))).toBe(shown);
  });
});

describe('a replayed day stamps its records on that day', () => {
  it.each([
    ['2026-11-20', '2026-03-02T15:45:00Z'],
    ['2026-06-30', '2026-01-31T23:59:00Z'],
    ['2026-03-29', '2026-10-25T00:30:00Z'],
    ['2027-01-01', '2026-07-15T23:30:00Z'],
  ])('replaying %s at %s', (day, real) => {
    const stamped = instantOnDay(day as CalendarDate, new Date(real));
    expect(londonDate(stamped)).toBe(day);
  });

  it('keeps the real time of day when it can', () => {
    expect(instantOnDay('2026-11-20' as CalendarDate, new Date('2026-11-02T15:45:00Z')).toISOString()).toBe('2026-11-20T15:45:00.000Z');
  });
});

describe('a session time is read as a clock in England shows it', () => {
  it.each([
    ['2026-12-03', '10:00', '2026-12-03T10:00:00.000Z'],
    ['2026-06-03', '10:00', '2026-06-03T09:00:00.000Z'],
    ['2026-10-25', '00:30', '2026-10-24T23:30:00.000Z'],
    ['2026-03-29', '01:30', '2026-03-29T01:30:00.000Z'],
  ])('%s %s is %s', (day, time, utc) => {
    expect(londonWallClock(day as CalendarDate, time).toISOString()).toBe(utc);
  });
});
