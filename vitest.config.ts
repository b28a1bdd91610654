import fs from 'node:fs';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(fs.readFileSync(new URL('package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  // as scripts/bundle.mjs does, for tests that load src/cli/main.ts itself
  define: { TWOCHECK_VERSION: JSON.stringify(version) },
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ first when an end-to-end test is selected and dist/ is older than src/.
    globalSetup: ['test/helpers/fresh-build.ts'],
    // End-to-end tests spawn the built binary; give a slow, shared machine room.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // England's zone unless a zone is given: the time-zone suite (flags-tz.test.ts) runs the date
    // tests again with TZ set to zones either side of the date line, and that TZ must stand.
    env: { FORCE_COLOR: '0', TZ: process.env.TZ || 'Europe/London' },
  },
});
