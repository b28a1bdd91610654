import { describe, expect, it } from 'vitest';
import { londonDateTime } from '../../src/domain/clock.js';

describe('a saved instant is told in England time', () => {
  it.each([
    ['2026-01-15T09:30:00Z', '2026-01-15 09:30'], // GMT
    ['2026-07-15T09:30:00Z', '2026-07-15 10:30'], // BST
    ['2026-07-15T23:30:00Z', '2026-07-16 00:30'], // the next day in England
    ['2026-03-29T00:59:00Z', '2026-03-29 00:59'], ['2026-03-29T01:00:00Z', '2026-03-29 02:00'], // clocks go forward
  ])('%s is %s', (utc, shown) => {
    expect(londonDateTime(new Date(utc))).toBe(shown);
  });
});
