import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src/cli/examples.js';
import { ROOT, runCli, workspace } from '../helpers/cli.js';

/** A command line as a shell splits it: words, "quoted words", and `> file` taken off. */
export function shellWords(line: string): { args: string[]; redirect?: string } {
  const [command, redirect] = line.split(/\s+>\s+/) as [string, string | undefined];
  const args = [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? (m[2] as string));
  return { args: args.slice(1), redirect: redirect?.trim() };
}

describe('every command ends its --help with examples that run', () => {
  const names = [
    ...runCli(['--help'])
      .stdout.split(/^Commands:$/m)[1]!
      .matchAll(/^ {2}([a-z][a-z-]*)/gm),
  ]
    .map((m) => m[1]!)
    .filter((n) => n !== 'help');

  it.each(names)('%s --help shows examples', (name) => {
    const help = runCli([name, '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/\nExamples:\n {2}\$ twocheck /);
    expect(help.stdout.match(/^ {2}\$ twocheck /gm)!.length).toBeGreaterThanOrEqual(1);
  });

  it('each example is a command line twocheck accepts, against the example roster', () => {
    const ws = workspace({ TWOCHECK_TODAY: '2026-11-20' });
    fs.mkdirSync(path.join(ws.dir, 'examples'));
    for (const file of ['roster.csv', 'review-result.json'])
      fs.copyFileSync(path.join(ROOT, 'examples', file), path.join(ws.dir, 'examples', file));
    // a check file and a letter to mark sent, as a manager would have before those examples
    const order = ['setup', 'import', 'letters', 'check', ...Object.keys(EXAMPLES)];
    const refused: string[] = [];
    for (const key of [...new Set(order)]) {
      // sending mail needs a mail server: test/e2e/mail.test.ts runs these against one
      if (key === 'mail' || key === 'mail test') continue;
      // the parents' consent to share, as a setting records it before inviting children to a review with health
      if (key === 'groups') {
        for (const c of JSON.parse(ws.run(['children', '--json']).stdout) as { ref: string }[]) {
          if (c.ref !== '003') ws.run(['consent', c.ref, '--method', 'paper']);
        }
      }
      // sharing a check with health needs the parents' consent, recorded first
      if (key === 'check share') ws.run(['consent', '006', '--method', 'paper']);
      for (const line of EXAMPLES[key] ?? []) {
        // an email goes through a mail server: mail.test.ts sends one
        if (line.includes(' --email ')) continue;
        const { args, redirect } = shellWords(line);
        // attendance is recorded on or after the session's day, and a review once it has happened
        const day = key === 'groups attend' ? '2027-02-01' : key === 'review' ? '2026-11-30' : undefined;
        const r = ws.run(args, day ? { env: { TWOCHECK_TODAY: day } } : {});
        if (redirect) fs.writeFileSync(path.join(ws.dir, redirect), r.stdout);
        // the template is filled in by a person before --from reads it
        if (redirect === 'check.json') fs.copyFileSync(path.join(ROOT, 'examples', 'progress-check.json'), path.join(ws.dir, 'check.json'));
        if (r.code !== 0) refused.push(`${line}\n  exit ${r.code}: ${r.stderr.trim().split('\n')[0]}`);
      }
    }
    expect(refused).toEqual([]);
  });
});
