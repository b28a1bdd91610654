import type { Command } from 'commander';
import { TwocheckError } from '../errors.js';

export function register(program: Command): void {
  program
    .command('children')
    .description('(not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new TwocheckError('twocheck children is not available yet');
    });
}
