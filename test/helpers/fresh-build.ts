import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ROOT } from './cli.js';

/*
 * vitest globalSetup: end-to-end tests run the built bundle, so a run that selects one first
 * makes sure dist/twocheck.cjs is newer than everything it is built from, and builds it when it is
 * not. Without this, `npx vitest run test/e2e/export.test.ts` would test whatever dist/ last held.
 * Templates are not in the list: the bundle reads them from templates/ at run time.
 */
const BUNDLE = path.join(ROOT, 'dist', 'twocheck.cjs');
const SOURCES = ['src', 'scripts/bundle.mjs', 'scripts/code-cache.cjs', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];

export default async function freshBuild(project: TestProject): Promise<void> {
  if (!(await runsEndToEnd(project))) return;
  const stale = staleBecause();
  if (!stale) return;
  process.stderr.write(`dist/ is out of date (${stale}): building it first\n`);
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error('npm run build failed: the end-to-end tests would run an old dist/');
  const still = staleBecause();
  if (still) throw new Error(`dist/ is still out of date after npm run build (${still})`);
}

/** Whether the files this run selected include one under test/e2e. */
async function runsEndToEnd(project: TestProject): Promise<boolean> {
  // The filters given on the command line; when vitest does not say, assume every file runs.
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  const specs = await project.vitest.globTestSpecifications(filters);
  const e2e = path.join(ROOT, 'test', 'e2e') + path.sep;
  return specs.some((s) => s.moduleId.startsWith(e2e));
}

/** Why the bundle is older than its sources, or null when it is not. */
export function staleBecause(): string | null {
  if (!fs.existsSync(BUNDLE)) return 'no dist/twocheck.cjs';
  const built = fs.statSync(BUNDLE).mtimeMs;
  for (const source of SOURCES) {
    const newer = newestFile(path.join(ROOT, source));
    if (newer && newer.mtimeMs > built) return `${path.relative(ROOT, newer.file)} is newer`;
  }
  return null;
}

function newestFile(at: string): { file: string; mtimeMs: number } | null {
  if (!fs.existsSync(at)) return null;
  const stat = fs.statSync(at);
  if (!stat.isDirectory()) return { file: at, mtimeMs: stat.mtimeMs };
  let newest: { file: string; mtimeMs: number } | null = null;
  for (const entry of fs.readdirSync(at)) {
    const found = newestFile(path.join(at, entry));
    if (found && (!newest || found.mtimeMs > newest.mtimeMs)) newest = found;
  }
  return newest;
}
