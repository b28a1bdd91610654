import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/*
 * The rules must give the same answers whatever the machine's time zone: run the date tests
 * (calendar, ages, funding, flags, letters, groups, and today's date as a command reads it)
 * again in a child vitest under zones either side of the date line. vitest.config.ts keeps the
 * TZ given here, and clock.test.ts checks that the child really stands in the zone it was asked for.
 */
const DATE_TESTS = [
  'test/unit/calendar.test.ts',
  'test/unit/flags.test.ts',
  'test/unit/clock.test.ts',
  'test/unit/letters-rule.test.ts',
  'test/unit/groups.test.ts',
];

describe('the same dates in every time zone', () => {
  for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/London']) {
    it(`under TZ=${tz}`, () => {
      const vitest = path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
      const r = spawnSync(process.execPath, [vitest, 'run', ...DATE_TESTS], {
        cwd: ROOT,
        env: { ...process.env, TZ: tz, FORCE_COLOR: '0', TWOCHECK_TZ_CHILD: tz },
        encoding: 'utf8',
      });
      expect(r.status, r.stdout + r.stderr).toBe(0);
      // every file ran: a filter that matched nothing would also exit 0 with no test run
      expect(stripVTControlCharacters(r.stdout)).toMatch(new RegExp(`Test Files\\s+${DATE_TESTS.length} passed`));
    }, 120_000);
  }
});
