import { createRequire } from 'node:module';
import type * as Commander from 'commander';
import { COMMANDS, commandNamed, directRun } from './commands.js';
import { addExamples, helpForBareGroup, refuseUnknownCommand } from './help.js';
import { reportFailure, runGuarded } from './guard.js';

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

/** The only place that sets an exit code (through runGuarded). */
export async function main(argv: string[]): Promise<void> {
  await runGuarded(
    argv,
    async () => {
      const direct = await directRun(argv.slice(2));
      if (direct) await direct();
      else {
        refuseUnknownCommand(argv.slice(2));
        const program = await buildProgram(argv);
        helpForBareGroup(program, argv.slice(2));
        await program.parseAsync(argv);
      }
    },
    report,
  );
}

export function report(err: unknown, argv: string[]): number {
  if (commander && err instanceof commander.CommanderError) {
    // commander has already printed its message (or the help) on the right stream
    if (['commander.helpDisplayed', 'commander.version'].includes(err.code)) return 0;
    // help shown because the command line asked for nothing (`twocheck`, `twocheck groups`) is a usage error
    if (err.code === 'commander.help') return err.exitCode === 0 ? 0 : 2;
    return err.exitCode === 0 ? 0 : 2;
  }
  return reportFailure(err, argv);
}
