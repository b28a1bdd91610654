import { runGuarded, reportFailure } from './guard.js';
import { directRun } from './hub.js';
import { directStreams } from './std-streams.js';

/**
 * The start of the small bundle (dist/hub.cjs) that bin/twocheck.cjs runs for a command line
 * naming `hub`: the everyday lines (`hub Leek`, `hub ST13 5AA --json`, `hub --child A1`) run
 * here without parsing the code of every other command, a large share of start-up. Any other
 * line (help, a mistake, another command) goes to the whole program, unchanged.
 */
export async function main(argv: string[], whole: () => { main(argv: string[]): Promise<void> }): Promise<void> {
  const run = directRun(argv.slice(2));
  if (!run) return whole().main(argv);
  const std = directStreams();
  const proc = {
    ...std,
    env: process.env,
    cwd: () => process.cwd(),
    get stdin() {
      return process.stdin;
    },
  };
  await runGuarded(
    argv,
    () => run(proc),
    (err, args) => reportFailure(err, args, std),
    std,
  );
}
