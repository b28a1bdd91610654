import { createRequire } from 'node:module';
import type * as Commander from 'commander';
import { TwocheckError, explainFailure } from '../errors.js';
import { COMMANDS, commandNamed, directRun } from './commands.js';
import { addExamples, helpForBareGroup, refuseUnknownCommand } from './help.js';
import { Output, prepareColour } from './output.js';

type Command = Commander.Command;

let commander: typeof Commander | undefined;
/**
 * commander is loaded on first need, not at start-up: a command line a command reads itself
 * (see directRun in commands.ts) never needs it. It is CommonJS: require() skips the ESM
 * wrapper and its scan for named exports, a large share of a short command's start-up.
 */
function loadCommander(): typeof Commander {
  commander ??= createRequire(import.meta.url)('commander') as typeof Commander;
  return commander;
}

// package.json's version, written in by the build (scripts/bundle.mjs) and by vitest.config.ts,
// so it is kept in one place.
declare const TWOCHECK_VERSION: string;
const VERSION = TWOCHECK_VERSION;

export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const { Command, Option } = loadCommander();
  const program = new Command('twocheck')
    .description('The Progress Check at age two and the Integrated Review, for early-years settings in England.')
    .version(VERSION, '-V, --version')
    .option('--db <file>', 'the database file (default: your data folder; or TWOCHECK_DB)')
    .option('--today <date>', 'act as if today were this date (or TWOCHECK_TODAY)')
    .option('--by <name>', 'who is acting, for the audit log (default: your login name; or TWOCHECK_BY)')
    .option('--no-color', 'no colour, even on a terminal (NO_COLOR is honoured too)')
    .option('-q, --quiet', 'only data and warnings; no progress or notes')
    .option('--debug', 'on an unexpected failure, also print where in the code it happened')
    .addOption(new Option('--no-input', 'never prompt, even on a terminal'))
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  const named = commandNamed(argv.slice(2));
  const versionOnly = !named && argv.slice(2).some((a) => a === '-V' || a === '--version');
  const wanted = named ? [named] : versionOnly ? [] : Object.keys(COMMANDS);
  const modules = await Promise.all(wanted.map((name) => (COMMANDS[name] as () => Promise<{ register(p: Command): void }>)()));
  for (const module of modules) module.register(program);
  // Every subcommand exits through main() too, so its usage errors get exit code 2.
  for (const sub of program.commands) sub.exitOverride();
  addExamples(program);
  return program;
}

/** The only place that sets an exit code. */
export async function main(argv: string[]): Promise<void> {
  let failed = false;
  const fail = async (err: unknown): Promise<void> => {
    if (failed) return;
    failed = true;
    await prepareColour(process.stdout, process.stderr, process.env, !argv.includes('--no-color'));
    process.exitCode = report(err, argv);
  };
  // `twocheck due | head` closes the pipe early: that is the reader's choice, not a failure.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
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
    const direct = await directRun(argv.slice(2));
    if (direct) await direct();
    else {
      refuseUnknownCommand(argv.slice(2));
      const program = await buildProgram(argv);
      helpForBareGroup(program, argv.slice(2));
      await program.parseAsync(argv);
    }
  } catch (err) {
    await fail(err);
  }
  finished = true;
}

export function report(err: unknown, argv: string[]): number {
  if (commander && err instanceof commander.CommanderError) {
    // commander has already printed its message (or the help) on the right stream
    if (['commander.helpDisplayed', 'commander.version'].includes(err.code)) return 0;
    // help shown because the command line asked for nothing (`twocheck`, `twocheck groups`) is a usage error
    if (err.code === 'commander.help') return err.exitCode === 0 ? 0 : 2;
    return err.exitCode === 0 ? 0 : 2;
  }
  const out = new Output({
    stdout: process.stdout, stderr: process.stderr, env: process.env, color: !argv.includes('--no-color'),
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
