import type { Command } from 'commander';
import { commandAt } from './command-line.js';

interface CommandModule {
  register(program: Command): void;
  /** The work a command line asks for, when the command reads that line itself; else null. */
  directRun?(args: readonly string[]): (() => Promise<void>) | null;
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
  review: () => import('./review.js'),
  groups: () => import('./groups.js'),
  export: () => import('./export.js'),
  forget: () => import('./forget.js'),
  templates: () => import('./templates.js'),
  mail: () => import('./mail.js'),
};

/** The command a command line names, if it names one; otherwise every command is needed (help). */
export function commandNamed(args: readonly string[]): string | undefined {
  const at = commandAt(args);
  return at < args.length && Object.hasOwn(COMMANDS, args[at] as string) ? args[at] : undefined;
}

/** The run for a command line its command reads itself, without commander; null for the rest. */
export async function directRun(args: readonly string[]): Promise<(() => Promise<void>) | null> {
  const named = commandNamed(args);
  if (named === undefined) return null;
  const module = await (COMMANDS[named] as () => Promise<CommandModule>)();
  return module.directRun?.(args) ?? null;
}
