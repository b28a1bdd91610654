import type { Command } from 'commander';
import { TwocheckError } from '../errors.js';

export function register(program: Command): void {
  program
    .command('hub')
    .description('(not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new TwocheckError('twocheck hub is not available yet');
    });
}
