import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { commandAt } from './command-line.js';
import { COMMANDS } from './commands.js';
import { examplesText } from './examples.js';
import { suggestCommands } from './suggest.js';

/** Every command's help ends with its examples (examples.ts). */
export function addExamples(program: Command): void {
  const walk = (command: Command, path: string): void => {
    const text = examplesText(path);
    if (text) command.addHelpText('after', text);
    for (const sub of command.commands) walk(sub, path ? `${path} ${sub.name()}` : sub.name());
  };
  for (const command of program.commands) walk(command, command.name());
}

/**
 * A word in the command's place that names no command is refused before commander is loaded
 * with every command, with the nearest names offered (`dew` → due).
 */
export function refuseUnknownCommand(args: readonly string[]): void {
  const at = commandAt(args);
  const word = args[at];
  if (word === undefined || word === 'help' || Object.hasOwn(COMMANDS, word)) return;
  const near = suggestCommands(word, Object.keys(COMMANDS));
  throw new UsageError(
    `unknown command '${word}'`,
    near.length > 0
      ? `did you mean ${near.map((n) => `twocheck ${n}`).join(' or ')}? (twocheck --help lists every command)`
      : 'twocheck --help lists every command',
  );
}

/**
 * A command group called without the words it needs (`twocheck groups`, `twocheck concern`)
 * prints its help on stderr and exits 2, as `twocheck` alone does: the line asked for nothing.
 * A group whose default needs nothing more (`twocheck templates` lists them) just runs it.
 */
export function helpForBareGroup(program: Command, args: readonly string[]): void {
  const at = commandAt(args);
  if (at >= args.length || args.length !== at + 1) return;
  const command = program.commands.find((c) => c.name() === args[at]);
  if (!command || command.commands.length === 0) return;
  // commander keeps these without public getters: the group's own work (`letters` has some) and its default
  const inner = command as unknown as { _actionHandler?: unknown; _defaultCommandName?: string };
  if (inner._actionHandler) return;
  const defaultName = inner._defaultCommandName;
  const fallback = command.commands.find((c) => c.name() === defaultName);
  if (fallback && !fallback.registeredArguments.some((a) => a.required)) return;
  command.help({ error: true });
}
