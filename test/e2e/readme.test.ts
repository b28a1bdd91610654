import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SETTING_FLAGS, runCli, workspace } from '../helpers/cli.js';

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

/** The backticked names in the README between two pieces of text. */
function namesBetween(start: string, end: string): string[] {
  const from = readme.indexOf(start);
  const part = readme.slice(from + start.length, readme.indexOf(end, from + start.length));
  return [...part.matchAll(/`([a-zA-Z_0-9]+)`/g)].map((m) => m[1] as string);
}

describe("the README's field lists are the program's", () => {
  it('children --csv', async () => {
    const { childrenCsvHeader } = await import('../../src/cli/children-table.js');
    expect(namesBetween('so the file\nimports again as it is:', '; with `--all`')).toEqual(childrenCsvHeader(false));
    expect(childrenCsvHeader(true).at(-1)).toBe('left_on');
    // the same columns on an empty roster as on a full one, and the export imports again as it is
    const { run, write } = seededWorkspace();
    expect(run(SETTING_FLAGS).code).toBe(0);
    expect(run(['children', '--csv']).stdout).toBe(`${childrenCsvHeader(false).join(',')}\n`);
    write('r.csv', 'ref,first_name,last_name,dob,room,funded\nA1,Ada,Able,01/11/2024,Owls,yes\n');
    expect(run(['import', 'r.csv']).code).toBe(0);
    const exported = run(['children', '--csv']).stdout;
    expect(exported.split('\n')[0]).toBe(childrenCsvHeader(false).join(','));
    write('again.csv', exported);
    const again = run(['import', 'again.csv']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('0 added, 0 updated, 1 unchanged');
  });

  it('due --csv and due --json', () => {
    const { run, write } = seededWorkspace();
    write('r.csv', 'ref,first_name,last_name,dob\nA1,Ada,Able,2024-11-01\n');
    expect(run(['import', 'r.csv']).code).toBe(0);
    const csvHeader = run(['due', '--csv']).stdout.split('\r\n')[0]!.split(',');
    expect(namesBetween('- `--csv`: the same columns as CSV, named in snake_case as every CSV is:', 'A cell')).toEqual(csvHeader);
    const json = JSON.parse(run(['due', '--json']).stdout) as Record<string, unknown>[];
    expect(namesBetween('- `--json`: one object per child:', '- `--csv`')).toEqual(Object.keys(json[0]!));
  });

  it('children --json', () => {
    const { run, write } = seededWorkspace();
    write('r.csv', 'ref,first_name,last_name,dob\nA1,Ada,Able,2024-11-01\n');
    expect(run(['import', 'r.csv']).code).toBe(0);
    const json = JSON.parse(run(['children', '--json']).stdout) as Record<string, unknown>[];
    expect(namesBetween('`--json` prints\na JSON array (each child has', '), names')).toEqual(Object.keys(json[0]!));
  });
});

function seededWorkspace() {
  return workspace({ TWOCHECK_TODAY: '2026-11-20' });
}
