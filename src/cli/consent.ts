import type { Command } from 'commander';
import { TwocheckError } from '../errors.js';

export function register(program: Command): void {
  program
    .command('consent')
    .description('(not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new TwocheckError('twocheck consent is not available yet');
    });
}
