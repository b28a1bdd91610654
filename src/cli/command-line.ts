/**
 * Where the command sits in a command line, without loading any command: the small bundle that
 * runs `hub <place>` (hub-start.ts) reads a line with this alone.
 */

/** Global options that take a value, so the word after them is not the command. */
const GLOBAL_OPTIONS_WITH_VALUE = new Set(['--db', '--today', '--by']);

/** Where the first word that is not a global option (or its value) is; args.length if none, or after `--`. */
export function commandAt(args: readonly string[]): number {
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '--') return args.length;
    if (arg.startsWith('-')) {
      if (GLOBAL_OPTIONS_WITH_VALUE.has(arg)) i += 1;
      continue;
    }
    return i;
  }
  return args.length;
}
