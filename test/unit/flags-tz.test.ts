import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/*
 * The rules must give the same answers whatever the machine's time zone: run the flags and
 * calendar tests again in a child vitest under zones either side of the date line.
 */
describe('the same dates in every time zone', () => {
  for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/London']) {
    it(`under TZ=${tz}`, () => {
      const vitest = path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
      const r = spawnSync(process.execPath, [vitest, 'run', 'test/unit/flags.test.ts', 'test/unit/calendar.test.ts'], {
        cwd: ROOT, env: { ...process.env, TZ: tz, FORCE_COLOR: '0', TWOCHECK_TZ_CHILD: '1' }, encoding: 'utf8',
      });
      expect(r.status, r.stdout + r.stderr).toBe(0);
    }, 120_000);
  }
});
