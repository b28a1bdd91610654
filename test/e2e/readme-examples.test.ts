import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ROOT, SETTING_FLAGS, workspace } from '../helpers/cli.js';
import { lineShape, readmeExamples, sameShape, shellWords, type ReadmeExample } from '../helpers/readme-examples.js';

// Every `twocheck …` line in the README's code blocks is run here, one after another in one
// folder, against the demo's setting: examples/roster.csv on the demo's day. The README's
// sections come in the order a manager works (setup, import, letters, consent, check, concern,
// review, groups, export, forget), so its order is the manager's order, but for the few examples
// RUN_AFTER moves; where an example needs a record the README takes for granted, PREPARE makes
// it just before, and says why. Nothing is skipped unless NOT_RUNNABLE says why.

const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const DAY = '2026-11-23';

/**
 * What stands in for the README's placeholders and made-up children, section by section ('*'
 * for every section). Each ref is a child of examples/roster.csv whom the example can act on
 * on the demo's day, in the situation the example needs (an age, a Hub, a flag).
 */
const STAND_INS: Record<string, Record<string, string>> = {
  '*': {
    '<address>': 'health.visitors@example.test',
    '<file>': 'sessions.ics',
    '<session>': '1',
    '<place or postcode>': 'Leek',
    '<query>': 'Leek',
  },
  // any child: `child` shows whatever is recorded; Harrison, close to three, carries flags
  'children and child': { E05: '019' },
  // over three with no Progress Check: check-missed, which can be dismissed
  due: { D04: '020' },
  // a home in Stafford: West Hub, for sure
  hub: { '<ref>': '005' },
  // two children aged two with no letter yet, one on the roster's Polish
  letters: { A1: '018', A2: '007' },
  // two, home in Stafford (West Hub), so a share with "West Hub" is the right Hub
  check: { '<ref>': '005' },
  // two, home in Leek: the concern's Hub is West Hub, as the README shows
  concern: { L1: '018' },
  'Consent gates': { L1: '018' },
  review: { '<ref>': '005' },
  // in session 1 of the plan for December and January
  groups: { '<ref>': '010' },
  forget: { 'XR-4471': '030' },
};

/** The files the README's examples name, as a manager would have them in the folder. */
const FILES: Record<string, string | { copy: string }> = {
  'examples/roster.csv': { copy: 'examples/roster.csv' },
  'examples/progress-check.json': { copy: 'examples/progress-check.json' },
  'examples/review-result.json': { copy: 'examples/review-result.json' },
  'roster.csv': { copy: 'examples/roster.csv' },
  // the README's own first import: a Google Forms sheet kept in US locale
  'Registration (Responses).csv': { copy: 'test/fixtures/rosters/google-forms-us.csv' },
  'Register export.csv': 'Child No,First name,Surname,Date of birth\nR7,Tess,Lowe,04/02/2025\n',
  // the roster again, with headers nothing recognises: the saved mapping "headcount" reads them
  'spring-headcount.csv': fs
    .readFileSync(path.join(ROOT, 'examples/roster.csv'), 'utf8')
    .replace(/^ref,first_name,last_name,dob,/, 'No.,Kid,Fam name,Born on,'),
  // a blank first name on line 3, and line 9 repeating line 2's ref, as the README shows
  'bad.csv':
    'ref,first_name,last_name,dob\n401,Ann,Ash,01/02/2025\n402,,Birch,02/02/2025\n403,Cy,Cole,03/02/2025\n' +
    '404,Di,Dane,04/02/2025\n405,Ed,Elm,05/02/2025\n406,Flo,Fir,06/02/2025\n407,Gus,Gale,07/02/2025\n401,Hal,Hart,08/02/2025\n',
  'mixed.csv': 'ref,first_name,last_name,dob\nM1,Mo,Moss,19/05/2023\nM2,Nia,Nash,01/06/2023\nM3,Oz,Oak,5/20/2023\n',
  'bad.json': `${JSON.stringify(
    {
      parent_comments: 'Happy',
      areas: {
        communication_and_language: { strengths: 'Talks', progress: 'fine', next_steps: 'More' },
        personal_social_emotional: { strengths: 'Plays', progress: 'expected', next_steps: 'More' },
        physical: { strengths: 'Runs', progress: 'less-than-expected', next_steps: 'More' },
      },
    },
    null,
    2,
  )}\n`,
};

type Workspace = ReturnType<typeof workspace>;

interface Preparation {
  /** why the README's example needs it */
  why: string;
  before?: (ws: Workspace) => void;
  after?: (ws: Workspace) => void;
  /** the day the example is run on, where the README's story needs another */
  today?: string;
}

function ok(ws: Workspace, args: string[], today = DAY): void {
  const r = ws.run(args, { env: { TWOCHECK_TODAY: today } });
  if (r.code !== 0) throw new Error(`preparing: twocheck ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
}

const LETTER_TEMPLATE = '.config/twocheck/templates/letters/parent-letter.md';

/** Records the README takes for granted before an example, keyed by the example as written. */
const PREPARE: Record<string, Preparation> = {
  'twocheck import spring-headcount.csv --mapping headcount': {
    why: 'a mapping is saved at a terminal prompt (test/e2e/import-rules.test.ts); here it is stored as that prompt stores it',
    before: (ws) => {
      const db = new Database(ws.db);
      db.prepare("INSERT INTO roster_mappings VALUES ('headcount', 'no,kid,famname,bornon', ?, 'test', '2026-11-01T00:00:00Z')").run(
        JSON.stringify(['ref=No.', 'first_name=Kid', 'last_name=Fam name', 'dob=Born on']),
      );
      db.close();
    },
  },
  '$ twocheck templates': {
    why: 'the README shows the parent letter edited in the config folder, and the other templates as they ship',
    before: (ws) => {
      ok(ws, ['templates', 'init']);
      const file = path.join(ws.dir, LETTER_TEMPLATE);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/\n\n/, '\n\nWith best wishes from all of us.\n\n'));
      for (const other of ['group-invitation.md', 'parent-letter.pl.md']) fs.rmSync(path.join(path.dirname(file), other));
    },
  },
  '$ twocheck templates check': {
    why: 'the README shows a typo in the edited copy; it is put right afterwards, as the manager would',
    before: (ws) => {
      const file = path.join(ws.dir, LETTER_TEMPLATE);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('{{parent.name}}', '{{parent.nmae}}'));
    },
    after: (ws) => {
      const file = path.join(ws.dir, LETTER_TEMPLATE);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('{{parent.nmae}}', '{{parent.name}}'));
    },
  },
  'twocheck check <ref> --from examples/progress-check.json': {
    why: 'sharing the check with health needs the parents consent to share, recorded first',
    before: (ws) => ok(ws, ['consent', '005', '--method', 'paper']),
  },
  'twocheck check <ref> --from check.json --amend --reason "Parents added their comments"': {
    why: 'check.json is the filled-in file --template gives',
    before: (ws) => fs.copyFileSync(path.join(ROOT, 'examples/progress-check.json'), path.join(ws.dir, 'check.json')),
  },
  '$ twocheck check 007 --from check.json': {
    why: 'the README shows a file with a comma left after its last field',
    before: (ws) =>
      fs.writeFileSync(path.join(ws.dir, 'check.json'), '{\n  "practitioner": "Sam Key",\n  "child_voice": "Me do it!",\n}\n'),
  },
  '$ twocheck concern share 1 --with "West Hub" --how phone --note "spoke to duty HV"': {
    why: 'a concern is shared with health only with the parents consent to share',
    before: (ws) => ok(ws, ['consent', '018', '--method', 'paper']),
  },
  'twocheck groups list [--json]': {
    why: 'the sessions are saved by groups create, whose synopsis gives its flags in words',
    before: (ws) => ok(ws, ['groups', 'create', '--from', '2026-12-01', '--to', '2027-01-31']),
  },
  'twocheck groups invite <session> [--out letters] [--force]': {
    why: 'an invitation to a review with health needs every child’s consent to share',
    before: (ws) => {
      for (const c of JSON.parse(ws.run(['children', '--json']).stdout) as { ref: string }[])
        ok(ws, ['consent', c.ref, '--method', 'paper']);
    },
  },
  'twocheck groups attend <session> <ref>… [--absent]': {
    why: 'attendance is recorded on or after the session’s day',
    today: '2027-02-01',
  },
};

/**
 * Examples run straight after another one rather than where the README has them, because that
 * is when a manager would meet them.
 */
const RUN_AFTER: Record<string, { after: string; why: string }> = {
  '$ twocheck concern share 1 --with "West Hub" --how phone': {
    after: '$ twocheck concern L1 --raised-by setting --area communication-and-language --description "Few words yet"',
    why: 'the share refused for want of consent comes before the consent is recorded and the concern shared',
  },
};

/** The examples that cannot run here, each with why and where it is tested instead. */
const NOT_RUNNABLE: Record<string, string> = {
  'twocheck check <ref>': 'asks its questions on a terminal: test/e2e/check-interactive.test.ts',
  'twocheck review <ref>':
    'asks its questions on a terminal, and no terminal test drives those prompts yet; test/e2e/integrated.test.ts checks that without one it is a usage error',
  'twocheck check share <ref> --email <address>': 'needs an SMTP server: test/e2e/mail.test.ts',
  'twocheck groups create  (the same flags as plan) [--time 10:00] [--place …] [--lead …]':
    'a synopsis giving its flags in words; test/e2e/groups.test.ts runs create, and PREPARE runs it with plan’s window',
  'twocheck mail test jo@littleacorns.example': 'needs an SMTP server: test/e2e/mail.test.ts',
  'twocheck letters --email': 'needs an SMTP server: test/e2e/mail.test.ts',
  '$ twocheck letters --email': 'needs an SMTP server: test/e2e/mail.test.ts',
  'twocheck check share C1 --email health.visitors@example.nhs.uk': 'needs an SMTP server: test/e2e/mail.test.ts',
  'twocheck remind --email jo@littleacorns.example': 'needs an SMTP server: test/e2e/mail.test.ts',
};

/**
 * The exit code of an example the README shows failing, where the README says it in prose
 * rather than beside the example (`(exit 2)` or `$ echo $?`).
 */
const FAILS_WITH: Record<string, number> = {
  '$ twocheck import mixed.csv': 3, // "A file that proves both is refused (exit 3)"
  '$ twocheck hub ST10 4AA': 1, // "1 when the answer is unsure or not covered"
  '$ twocheck hub Hanley': 1,
  '$ twocheck templates check': 3, // "exits 3 listing every problem"
  '$ twocheck check 007 --from bad.json': 3, // "A file with mistakes is refused whole (exit 3)"
  '$ twocheck check 007 --from check.json': 3, // "refused the same way"
  '$ twocheck concern share 1 --with "West Hub" --how phone': 1, // "Without it the command refuses (exit 1)"
};

/** The example as the tables name it: `$ ` kept for a session, so a shown run and a line to copy differ. */
const key = (e: ReadmeExample): string => `${e.session ? '$ ' : ''}${e.command}`;

/**
 * The line a user would type: a synopsis's description (after three spaces or more) and its
 * `[optional]` parts taken off, `…` after a repeatable word dropped, and the placeholders and
 * made-up refs replaced by what stands in for them in this section.
 */
function commandLine(e: ReadmeExample): { words: string[]; redirect?: string; unknown: string[] } {
  const stand = { ...STAND_INS['*'], ...STAND_INS[e.section] };
  let line = e.command
    .replace(/\s{3,}\S.*$/, '')
    .replace(/\s*\[[^\]]*\]/g, '')
    .replace(/…/g, '');
  for (const [from, to] of Object.entries(stand)) if (from.startsWith('<')) line = line.split(from).join(to);
  const { words, redirect } = shellWords(line);
  const args = words.slice(1).map((w) => (stand[w] !== undefined && !w.startsWith('<') ? stand[w]! : w));
  return { words: args, redirect, unknown: args.filter((w) => /<[^>]*>/.test(w)) };
}

/** The code the README implies: beside the example, then in FAILS_WITH, else 0. */
function expectedCode(e: ReadmeExample): number | undefined {
  const beside = e.output.map((l) => /\(exit (\d+)\)\s*$/.exec(l)).find((m) => m);
  const code = e.echoedCode ?? (beside ? Number(beside[1]) : FAILS_WITH[key(e)]);
  if (code !== undefined) return code;
  // an error shown with no code documented is a gap in the README or in FAILS_WITH
  return e.output.some((l) => l.startsWith('error:')) ? undefined : 0;
}

/**
 * Whether what ran prints what the README shows, in shape. The names, dates, refs and paths
 * differ (the README tells other children's stories, and a table has as many rows as there are
 * children), so the first and the last line the README shows are compared by their shape (see
 * lineShape): their first words, or a table's whole header. A terminal shows stdout and stderr
 * together, so each is looked for as the first (or last) line of either stream; warnings aside,
 * as they depend on the children. Where the README leaves lines out (`…`) before the first
 * line it shows, that line may come anywhere.
 */
function shapeProblem(e: ReadmeExample, stdout: string, stderr: string): string | undefined {
  const elided = (l: string): boolean => /^\s*(…|\.\.\.)\s*$/.test(l);
  const shown = e.output.filter((l) => l.trim() !== '' && !l.startsWith('warning:'));
  if (shown.length === 0) return undefined;
  const lines = (s: string): string[] => s.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('warning:'));
  const [out, err] = [lines(stdout), lines(stderr)];
  const printed = `printed:\n    ${out[0] ?? '(no stdout)'}${out.length > 1 ? `\n    … ${out.at(-1)}` : ''}\n    ${err[0] ?? '(no stderr)'}${err.length > 1 ? `\n    … ${err.at(-1)}` : ''}`;
  const firstAt = shown.findIndex((l) => !elided(l));
  const first = shown[firstAt]!;
  const firsts = firstAt > 0 ? [...out, ...err] : [out[0], err[0]];
  if (!firsts.some((l) => l !== undefined && sameShape(first, l))) return `shows "${lineShape(first)}" first; ${printed}`;
  const lastAt = shown.length - 1;
  if (lastAt === firstAt || elided(shown[lastAt]!)) return undefined;
  const last = shown[lastAt]!;
  if (![out.at(-1), err.at(-1)].some((l) => l !== undefined && sameShape(last, l))) return `shows "${lineShape(last)}" last; ${printed}`;
  return undefined;
}

/** The README's order, but with each example in RUN_AFTER moved to just after the one it names. */
function inManagersOrder(examples: ReadmeExample[]): ReadmeExample[] {
  const moved = (e: ReadmeExample): boolean => RUN_AFTER[key(e)] !== undefined;
  return examples.filter((e) => !moved(e)).flatMap((e) => [e, ...examples.filter((m) => RUN_AFTER[key(m)]?.after === key(e))]);
}

function prepareWorkspace(): Workspace {
  const ws = workspace({ TWOCHECK_TODAY: DAY });
  for (const [name, content] of Object.entries(FILES)) {
    ws.write(name, typeof content === 'string' ? content : fs.readFileSync(path.join(ROOT, content.copy)));
  }
  ok(ws, SETTING_FLAGS);
  ok(ws, ['import', 'examples/roster.csv']);
  return ws;
}

describe('every example in the README', () => {
  const examples = readmeExamples(README);

  it('finds the examples, session output and all', () => {
    expect(examples.length).toBeGreaterThan(50);
    expect(examples.filter((e) => e.session && e.output.length > 0).length).toBeGreaterThan(20);
    expect(examples.find((e) => e.command.startsWith('twocheck setup --name'))?.command).toContain('--area staffordshire');
  });

  it('names no example in its tables that the README no longer has', () => {
    const keys = new Set(examples.map(key));
    const named = [
      ...Object.keys(PREPARE),
      ...Object.keys(NOT_RUNNABLE),
      ...Object.keys(FAILS_WITH),
      ...Object.keys(RUN_AFTER),
      ...Object.values(RUN_AFTER).map((r) => r.after),
    ];
    const stale = named.filter((k) => !keys.has(k));
    expect(stale).toEqual([]);
  });

  it('runs as the README says: the exit code it implies, and output of the shape it shows', () => {
    const ws = prepareWorkspace();
    const problems: string[] = [];
    for (const e of inManagersOrder(examples)) {
      if (NOT_RUNNABLE[key(e)] !== undefined) continue;
      const where = `README.md:${e.line} (${e.section}) ${key(e)}`;
      const { words, redirect, unknown } = commandLine(e);
      if (unknown.length > 0) {
        problems.push(`${where}\n  no stand-in for ${unknown.join(', ')}: add one to STAND_INS, or list the example in NOT_RUNNABLE`);
        continue;
      }
      const want = expectedCode(e);
      if (want === undefined) {
        problems.push(`${where}\n  shows an error but no exit code: say it beside the example, or add it to FAILS_WITH`);
        continue;
      }
      const prep = PREPARE[key(e)];
      prep?.before?.(ws);
      const r = ws.run(words, prep?.today ? { env: { TWOCHECK_TODAY: prep.today } } : {});
      if (redirect) fs.writeFileSync(path.join(ws.dir, redirect), r.stdout);
      prep?.after?.(ws);
      const ran = `twocheck ${words.join(' ')}`;
      if (r.code !== want) {
        problems.push(
          `${where}\n  ran: ${ran}\n  exit ${r.code}, the README implies ${want}: ${r.stderr.trim().split('\n').slice(0, 3).join(' | ')}`,
        );
        continue;
      }
      const shape = shapeProblem(e, r.stdout, r.stderr);
      if (shape) problems.push(`${where}\n  ran: ${ran}\n  ${shape}`);
    }
    expect(problems.join('\n\n')).toBe('');
  });
});

describe('reading the README’s examples', () => {
  it('joins continued lines, drops comments, keeps quoted words whole and the section', () => {
    const found = readmeExamples(
      [
        '### setup',
        '',
        '```sh',
        'twocheck setup --name "A # B" \\',
        '  --phone "01538 000111"   # change one detail',
        '```',
        '### import',
        '```text',
        '$ twocheck import bad.csv',
        'error: bad.csv: 2 rows refused',
        '$ echo $?',
        '3',
        '$ twocheck import ok.csv',
        '…',
        'Imported ok.csv',
        '```',
        'twocheck outside a block',
      ].join('\n'),
    );
    expect(found).toEqual([
      { section: 'setup', line: 4, command: 'twocheck setup --name "A # B" --phone "01538 000111"', session: false, output: [] },
      {
        section: 'import',
        line: 9,
        command: 'twocheck import bad.csv',
        session: true,
        output: ['error: bad.csv: 2 rows refused'],
        echoedCode: 3,
      },
      { section: 'import', line: 13, command: 'twocheck import ok.csv', session: true, output: ['…', 'Imported ok.csv'] },
    ]);
    expect(shellWords('twocheck import "Register export.csv" --map ref="Child No" > out.csv')).toEqual({
      words: ['twocheck', 'import', 'Register export.csv', '--map', 'ref=Child No'],
      redirect: 'out.csv',
    });
  });

  it('compares lines by shape: the fixed words, not the data', () => {
    expect(lineShape('Recorded concern 1 for Ivy Marchbank (L1).')).toBe('Recorded concern');
    expect(lineShape('error: bad.csv: 2 rows refused; nothing was changed')).toBe('error: bad.csv:');
    expect(lineShape('ref  name       age               turns two')).toBe('ref name age turns two');
    expect(lineShape('/home/office/checks/Ashworth-Zoe-007-progress-check-v1.pdf')).toBe('/');
    expect(lineShape('A1\tZoë Wiśniewska\ttwo\tWest Hub 0300 303 3923\t/home/jo/A1.pdf')).toBe('# (5 fields)');
    expect(sameShape('error: --method must be one of paper, verbal        (exit 2)', 'error: --method must be one of paper, verbal')).toBe(
      true,
    );
    expect(sameShape('  x.md:12:6: unknown placeholder {{a}}; valid: b, …', '  y.md:6:6: unknown placeholder {{a}}; valid: b, c, d')).toBe(
      true,
    );
    expect(sameShape('date  kind  status', 'when  kind  status')).toBe(false);
  });
});
