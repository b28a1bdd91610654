import type { Command } from 'commander';

interface CommandModule {
  register(program: Command): void;
}

/**
 * Every command, in the order `--help` lists them, loaded on demand: a run of one command loads
 * that command's module alone, so `twocheck hub Leek` never pays for the CSV, PDF or prompt
 * libraries that other commands need.
 */
export const COMMANDS: Readonly<Record<string, () => Promise<CommandModule>>> = {
  setup: () => import('./setup.js'),
  import: () => import('./import.js'),
  children: () => import('./children.js'),
  child: () => import('./child.js'),
  due: () => import('./due.js'),
  remind: () => import('./remind.js'),
  hub: () => import('./hub.js'),
  letters: () => import('./letters.js'),
  consent: () => import('./consent.js'),
  check: () => import('./check.js'),
  concern: () => import('./concern.js'),
  groups: () => import('./groups.js'),
  export: () => import('./export.js'),
  forget: () => import('./forget.js'),
  templates: () => import('./templates.js'),
};

/** Global options that take a value, so the word after them is not the command. */
const GLOBAL_OPTIONS_WITH_VALUE = new Set(['--db', '--today', '--by']);

/** The command a command line names, if it names one; otherwise every command is needed (help). */
export function commandNamed(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '--') return undefined;
    if (arg.startsWith('-')) {
      if (GLOBAL_OPTIONS_WITH_VALUE.has(arg)) i += 1;
      continue;
    }
    return Object.hasOwn(COMMANDS, arg) ? arg : undefined;
  }
  return undefined;
}
