import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src/cli/examples.js';
import { ROOT, runCli, workspace } from '../helpers/cli.js';

/** A command line as a shell splits it: words, "quoted words", and `> file` taken off. */
export function shellWords(line: string): { args: string[]; redirect?: string } {
  const [command, redirect] = line.split(/\s+>\s+/) as [string, string | undefined];
  const args = [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] as string);
  return { args: args.slice(1), redirect: redirect?.trim() };
}

describe('every command ends its --help with examples that run', () => {
  const names = [...runCli(['--help']).stdout.split(/^Commands:$/m)[1]!.matchAll(/^ {2}([a-z][a-z-]*)/gm)].map((m) => m[1]!).filter((n) => n !== 'help');

  it.each(names)('%s --help shows examples', (name) => {
    const help = runCli([name, '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/\nExamples:\n {2}\$ twocheck /);
    expect(help.stdout.match(/^ {2}\$ twocheck /gm)!.length).toBeGreaterThanOrEqual(1);
  });

  it('each example is a command line twocheck accepts, against the example roster', () => {
    const ws = workspace({ TWOCHECK_TODAY: '2026-11-20' });
    fs.mkdirSync(path.join(ws.dir, 'examples'));
    fs.copyFileSync(path.join(ROOT, 'examples', 'roster.csv'), path.join(ws.dir, 'examples', 'roster.csv'));
    // a check file and a letter to mark sent, as a manager would have before those examples
    const order = ['setup', 'import', 'letters', 'check', ...Object.keys(EXAMPLES)];
    const refused: string[] = [];
    for (const key of [...new Set(order)]) {
      for (const line of EXAMPLES[key] ?? []) {
        const { args, redirect } = shellWords(line);
        // attendance is recorded on or after the session's day
        const r = ws.run(args, key === 'groups attend' ? { env: { TWOCHECK_TODAY: '2027-02-01' } } : {});
        if (redirect) fs.writeFileSync(path.join(ws.dir, redirect), r.stdout);
        // the template is filled in by a person before --from reads it
        if (redirect === 'check.json') fs.copyFileSync(path.join(ROOT, 'examples', 'progress-check.json'), path.join(ws.dir, 'check.json'));
        if (r.code !== 0) refused.push(`${line}\n  exit ${r.code}: ${r.stderr.trim().split('\n')[0]}`);
      }
    }
    expect(refused).toEqual([]);
  });
});
