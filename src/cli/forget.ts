import type { Command } from 'commander';
import { TwocheckError } from '../errors.js';

export function register(program: Command): void {
  program
    .command('forget')
    .description('(not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new TwocheckError('twocheck forget is not available yet');
    });
}
