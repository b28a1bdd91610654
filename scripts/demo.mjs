#!/usr/bin/env node
// The main job on the bundled synthetic roster, in ./demo (its own database, letters and
// checks), so a new user sees what twocheck does without touching real data.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const demo = join(root, 'demo');
const marker = join(demo, '.twocheck-demo');
// The roster's dates of birth are set around this day, so the demo always tells the same story.
const DEMO_DAY = '2026-11-23';

if (existsSync(demo) && !existsSync(marker)) {
  console.error(`${relative(process.cwd(), demo)}/ exists and was not made by the demo; move it away first.`);
  process.exit(1);
}
rmSync(demo, { recursive: true, force: true });
mkdirSync(demo, { recursive: true, mode: 0o700 });
writeFileSync(marker, 'made by npm run demo; safe to delete\n');

const env = {
  ...process.env,
  TWOCHECK_DB: join(demo, 'twocheck.db'),
  TWOCHECK_TODAY: DEMO_DAY,
  TWOCHECK_BY: 'Demo Manager',
  TWOCHECK_CONFIG_DIR: join(demo, 'config'),
};

const bold = process.stdout.isTTY && !process.env.NO_COLOR ? (text) => `\x1b[1m${text}\x1b[0m` : (text) => text;

/** An argument as a shell takes it, so a step's header can be pasted back: quoted where it must be. */
const shellQuote = (arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

function step(title, args, { optional = false } = {}) {
  console.log(`\n${bold(`$ twocheck ${args.map(shellQuote).join(' ')}`)}   # ${title}`);
  const result = spawnSync(process.execPath, [join(root, 'bin', 'twocheck.cjs'), ...args], {
    cwd: demo,
    env,
    stdio: 'inherit',
  });
  if (result.status !== 0 && !optional) {
    console.error(`demo stopped: twocheck ${args[0]} exited with ${result.status}`);
    process.exit(result.status ?? 1);
  }
}

console.log(`twocheck demo: a synthetic nursery on ${DEMO_DAY}, everything kept in ${relative(process.cwd(), demo) || '.'}/`);
step('the setting', [
  'setup',
  '--name',
  'Little Acorns Nursery',
  '--address',
  '12 Market Street, Leek',
  '--postcode',
  'ST13 5HH',
  '--phone',
  '01538 000000',
  '--manager',
  'Dana Whitfield',
  '--email',
  'office@little-acorns.invalid',
]);
step('load the roster', ['import', join(root, 'examples', 'roster.csv')]);
step('who needs what', ['due']);
step('the Hub for a child', ['hub', '--child', '005']);
step('parent letters for children turning two', ['letters', '--out', 'letters']);
step('record consent', ['consent', '005', '--method', 'paper']);
step('a Progress Check from a file', ['check', '005', '--from', join(root, 'examples', 'progress-check.json'), '--out', 'checks']);
step('the letter went home in the post', ['letters', 'sent', '005']);
step('the copy given to the parents', ['check', '005', '--shared', DEMO_DAY]);
step('the check shared with the Hub by phone, with the consent recorded above', [
  'check',
  'share',
  '005',
  '--with',
  'West Hub',
  '--how',
  'phone',
]);
step("the health visitor's review result comes back", ['review', '005', '--from', join(root, 'examples', 'review-result.json')]);
step("the child's record: the Integrated Review is complete", ['child', '005']);
console.log(`\nDone. Letters are in demo/letters/, the check in demo/checks/, the database is demo/twocheck.db.`);
