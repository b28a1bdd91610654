import { Cancelled, UsageError } from '../errors.js';
import type { Context } from './context.js';
import { importPackage } from './packages.js';

/**
 * The one door to @inquirer/prompts. It is loaded only when a command really asks something,
 * and only on a terminal; Ctrl+C becomes Cancelled (exit 130, nothing saved).
 */
export async function loadPrompts(ctx: Context, whatIsMissing: string): Promise<typeof import('@inquirer/prompts')> {
  if (!ctx.interactive) {
    throw new UsageError(`${whatIsMissing} (not asking: no terminal, or --no-input; give them as flags)`);
  }
  // inquirer colours through yoctocolors, which asks Node once, when it loads, and knows nothing
  // of --no-color: say so before it loads, or the prompts come out coloured. FORCE_COLOR=0 rather
  // than NO_COLOR, which Node ignores (with a warning) when FORCE_COLOR is set.
  if (ctx.out.paint.level === 0 && !process.env.NO_COLOR) process.env.FORCE_COLOR = '0';
  return importPackage<typeof import('@inquirer/prompts')>('@inquirer/prompts');
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
