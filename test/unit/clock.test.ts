import { afterEach, describe, expect, it, vi } from 'vitest';
import { createContext, type GlobalOptions } from '../../src/cli/context.js';

/*
 * Today's date as every command reads it: the date on a wall calendar in England, whatever zone
 * the machine is set to. flags-tz.test.ts runs this file again under zones either side of the
 * date line, so an instant near midnight somewhere else must still give England's date.
 */
function todayAt(instant: string | null, options: GlobalOptions = {}, env: NodeJS.ProcessEnv = {}): string {
  if (instant) {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(instant));
  }
  const sink = { write: () => true };
  const ctx = createContext(options, { stdin: {}, stdout: sink, stderr: sink, env, cwd: () => '/' }, false, undefined);
  return ctx.today;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the zone this run stands in', () => {
  it('is the zone the time-zone suite asked for', () => {
    // A config or helper that overrides TZ would make the time-zone suite test London three times.
    const asked = process.env.TWOCHECK_TZ_CHILD ?? process.env.TZ;
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(asked);
  });
});

describe('today, from the clock', () => {
  it.each([
    // 10:30 UTC is already the next day on Kiritimati (UTC+14)
    ['2025-03-01T10:30:00Z', '2025-03-01'],
    // 07:30 UTC is still the day before in Los Angeles (UTC-8)
    ['2025-03-02T07:30:00Z', '2025-03-02'],
    // 23:30 UTC in summer is 00:30 BST in England: already tomorrow
    ['2025-06-30T23:30:00Z', '2025-07-01'],
    // 23:30 UTC in winter is 23:30 GMT: still today
    ['2025-12-31T23:30:00Z', '2025-12-31'],
    // the clocks go forward at 01:00 UTC on 30 March 2025
    ['2025-03-29T23:59:59Z', '2025-03-29'],
    ['2025-03-30T23:00:00Z', '2025-03-31'],
    // a common year's 1 March, when a 29 February child turns two
    ['2026-03-01T00:00:00Z', '2026-03-01'],
    ['2026-02-28T23:59:59Z', '2026-02-28'],
  ])('at %s it is %s in England', (instant, date) => {
    expect(todayAt(instant)).toBe(date);
  });
});

describe('today, as given', () => {
  it('--today is taken as the calendar date written, at any hour of the clock', () => {
    for (const instant of ['2025-03-01T10:30:00Z', '2025-03-02T07:30:00Z', '2025-06-30T23:30:00Z']) {
      expect(todayAt(instant, { today: '2024-02-29' })).toBe('2024-02-29');
      expect(todayAt(instant, { today: '2026-01-01' })).toBe('2026-01-01');
    }
  });

  it('TWOCHECK_TODAY the same, and --today before it', () => {
    expect(todayAt('2025-03-01T10:30:00Z', {}, { TWOCHECK_TODAY: '2025-12-31' })).toBe('2025-12-31');
    expect(todayAt('2025-03-01T10:30:00Z', { today: '2026-03-01' }, { TWOCHECK_TODAY: '2025-12-31' })).toBe('2026-03-01');
  });

  it('refuses a date that is not one, as a usage error', () => {
    expect(() => todayAt(null, { today: '2025-02-29' })).toThrow(/--today must be a calendar date/);
  });
});
