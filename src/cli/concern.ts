import type { Command } from 'commander';
import { TwocheckError } from '../errors.js';

export function register(program: Command): void {
  program
    .command('concern')
    .description('(not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new TwocheckError('twocheck concern is not available yet');
    });
}
