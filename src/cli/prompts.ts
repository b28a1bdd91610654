import { Cancelled, UsageError } from '../errors.js';
import type { Context } from './context.js';

/**
 * The one door to @inquirer/prompts. It is loaded only when a command really asks something,
 * and only on a terminal; Ctrl+C becomes Cancelled (exit 130, nothing saved).
 */
export async function loadPrompts(ctx: Context, whatIsMissing: string): Promise<typeof import('@inquirer/prompts')> {
  if (!ctx.interactive) {
    throw new UsageError(`${whatIsMissing} (no terminal to ask on: give them as flags)`);
  }
  return import('@inquirer/prompts');
}

export async function ask<T>(question: () => Promise<T>): Promise<T> {
  try {
    return await question();
  } catch (err) {
    if (err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError')) {
      throw new Cancelled();
    }
    throw err;
  }
}
