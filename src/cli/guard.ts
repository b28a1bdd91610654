import { TwocheckError, explainFailure } from '../errors.js';
import { Output, prepareColour } from './output.js';
import type { StandardStreams } from './std-streams.js';

/**
 * The only place that sets an exit code: runs a command line's work and turns any failure into
 * a message and an exit code, through `report`. Shared by main.ts and by hub-start.ts, the small
 * bundle that runs `hub <place>`, so both fail alike.
 */
export async function runGuarded(
  argv: string[],
  work: () => Promise<void>,
  report: (err: unknown, argv: string[]) => number,
  std: StandardStreams = process,
): Promise<void> {
  let failed = false;
  const fail = async (err: unknown): Promise<void> => {
    if (failed) return;
    failed = true;
    await prepareColour(std.stdout, std.stderr, process.env, !argv.includes('--no-color'));
    process.exitCode = report(err, argv);
  };
  // `twocheck due | head` closes the pipe early: that is the reader's choice, not a failure.
  std.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    void fail(err).then(() => process.exit(process.exitCode));
  });
  // A failure inside a stream or a callback (a PDF being drawn, a file being read) never ends
  // the run silently with 0: it is reported like any other, and the run exits at once.
  const stray = (err: unknown): void => {
    void fail(err).then(() => process.exit(process.exitCode ?? 1));
  };
  process.on('uncaughtException', stray);
  process.on('unhandledRejection', stray);
  // Node exits 0 when nothing is left to wait for, even if the command never finished (a
  // stream that neither ends nor fails): that silence would read as "nothing to do".
  let finished = false;
  process.once('beforeExit', () => {
    if (!finished && !failed) void fail(new Error('the command stopped before it finished (something it waited for never came)'));
  });
  try {
    await work();
  } catch (err) {
    await fail(err);
  }
  finished = true;
}

/** A failure that is not commander's, as a message on stderr; returns the exit code. */
export function reportFailure(err: unknown, argv: string[], std: StandardStreams = process): number {
  const out = new Output({
    stdout: std.stdout,
    stderr: std.stderr,
    env: process.env,
    color: !argv.includes('--no-color'),
  });
  const debug = argv.includes('--debug');
  const known = err instanceof TwocheckError ? err : explainFailure(err);
  if (known) {
    out.error(known.message);
    if ('problems' in known && Array.isArray(known.problems)) {
      for (const problem of known.problems) out.line(`  ${problem}`);
    }
    if (known.hint) out.line(known.hint);
    if (debug && known !== err && err instanceof Error && err.stack) out.line(err.stack);
    return known.exitCode;
  }
  const message = err instanceof Error ? err.message : String(err);
  out.error(`twocheck failed unexpectedly: ${message}`);
  if (debug && err instanceof Error && err.stack) out.line(err.stack);
  else out.line('nothing more was done; run the same command again with --debug to see where it failed, and report it');
  return 1;
}
