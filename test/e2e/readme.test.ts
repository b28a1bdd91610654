import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

function commandsInHelp(): string[] {
  const help = runCli(['--help']).stdout;
  const section = help.split(/^Commands:$/m)[1] ?? '';
  return [...section.matchAll(/^ {2}([a-z][a-z-]*)/gm)].map((m) => m[1] as string).filter((name) => name !== 'help');
}

describe('the README keeps up with the program', () => {
  const commands = commandsInHelp();

  it('finds the commands in --help', () => {
    expect(commands).toContain('import');
    expect(commands.length).toBeGreaterThanOrEqual(14);
  });

  it.each(commands)('documents `%s` under its own heading, with an example', (name) => {
    const heading = new RegExp(`^### (.* )?${name}\\b.*$`, 'm');
    expect(readme).toMatch(heading);
    expect(readme).toContain(`twocheck ${name}`);
  });

  it('has no section left to be written', () => {
    expect(readme).not.toContain('(to be written)');
  });

  it('gives exactly two set-up commands in the Quick start', () => {
    const quick = readme.split(/^## Quick start$/m)[1]?.split(/^## /m)[0] ?? '';
    const commandsShown = [...quick.matchAll(/^```(?:sh|bash|console)?\n([\s\S]*?)^```/gm)]
      .flatMap((m) => (m[1] as string).split('\n'))
      .map((line) => line.replace(/\s+#.*$/, '').trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    expect(commandsShown).toEqual(['npm ci && npm run demo', 'npm test']);
  });
});
