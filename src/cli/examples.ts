/**
 * Two or three real command lines at the end of every command's `--help`, as gh shows them.
 * Each is a line a person can run against the README's example roster (examples/roster.csv);
 * test/e2e/help-examples.test.ts runs every one of them.
 */
export const EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  setup: [
    'twocheck setup --name "Little Acorns Nursery" --address "1 Church Street, Leek" --postcode "ST13 5AA" --phone "01538 000111"',
    'twocheck setup --phone "01538 999999"',
    'twocheck setup --show',
  ],
  import: [
    'twocheck import examples/roster.csv --dry-run',
    'twocheck import examples/roster.csv',
    'twocheck import examples/roster.csv --mark-missing-left 31/08/2026',
  ],
  children: ['twocheck children', 'twocheck children --all --wide', 'twocheck children --csv > roster-now.csv'],
  child: ['twocheck child 001', 'twocheck child 001 --json'],
  due: ['twocheck due', 'twocheck due --flag check-late --flag check-missed', 'twocheck due --ics checks.ics'],
  remind: ['twocheck remind', 'twocheck remind --generate'],
  hub: ['twocheck hub Leek', 'twocheck hub --child 001', 'twocheck hub --list'],
  letters: ['twocheck letters --dry-run', 'twocheck letters --within 14', 'twocheck letters --merged print.pdf --child 001 --child 002'],
  'letters sent': ['twocheck letters sent 001', 'twocheck letters sent 002 --on 20/11/2026'],
  consent: [
    'twocheck consent 001 --method paper',
    'twocheck consent 003 --withdraw --method verbal --note "phoned in"',
    'twocheck consent 003 --show',
  ],
  check: ['twocheck check 006 --template > check.json', 'twocheck check 006 --from check.json', 'twocheck check 006 --shared 20/11/2026'],
  'check share': [
    'twocheck check share 006 --with "West Hub" --how phone',
    'twocheck check share 006 --email health.visitors@example.nhs.uk',
    'twocheck check share 006 --with "West Hub" --how phone --without-consent --reason "DSL decision: risk of harm"',
  ],
  concern: [
    'twocheck concern 001 --raised-by setting --area communication-and-language --description "Few words yet"',
    'twocheck concern list 001',
  ],
  'concern record': ['twocheck concern record 001 --raised-by parent --area physical --description "Not yet walking"'],
  'concern list': ['twocheck concern list 001', 'twocheck concern list 001 --json'],
  'concern share': ['twocheck concern share 1 --with "West Hub" --how phone --note "spoke to the duty health visitor"'],
  'concern action': [
    'twocheck concern action 1 --note "Ask about a speech referral" --due 2026-12-15',
    'twocheck concern action 1 --action 1 --done 20/11/2026',
  ],
  'concern close': ['twocheck concern close 1 --note "Referral made; settled"'],
  groups: ['twocheck groups plan --from 2026-12-01 --to 2027-01-31', 'twocheck groups list', 'twocheck groups ics sessions.ics'],
  'groups plan': [
    'twocheck groups plan --from 01/12/2026 --to 31/01/2027',
    'twocheck groups plan --from 2026-12-01 --to 2027-01-31 --size 4 --group-by room',
  ],
  'groups create': ['twocheck groups create --from 2026-12-01 --to 2027-01-31 --time 10:00 --place "Hall"'],
  'groups list': ['twocheck groups list', 'twocheck groups list --json'],
  'groups invite': ['twocheck groups invite 1', 'twocheck groups invite 1 --out invitations'],
  'groups attend': ['twocheck groups attend 1 010 007', 'twocheck groups attend 1 009 --absent'],
  'groups ics': ['twocheck groups ics reviews.ics', 'twocheck groups ics reviews.ics --full-names --force'],
  review: ['twocheck review 006 --from examples/review-result.json', 'twocheck review 006 --show'],
  mail: ['twocheck mail test office@little-acorns.example'],
  'mail test': ['twocheck mail test office@little-acorns.example'],
  export: ['twocheck export --out records.csv', 'twocheck export --json > records.json'],
  forget: ['twocheck forget 001 --yes', 'twocheck forget 002 --yes --json'],
  templates: ['twocheck templates', 'twocheck templates init', 'twocheck templates check'],
  'templates list': ['twocheck templates list', 'twocheck templates list --json'],
  'templates init': ['twocheck templates init', 'twocheck templates init --to my-templates'],
  'templates check': ['twocheck templates check'],
};

/** Help is read on an 80-column terminal: a longer example is shown on more lines. */
const HELP_WIDTH = 80;

/** The text commander prints after a command's help. */
export function examplesText(path: string): string | undefined {
  const lines = EXAMPLES[path];
  return lines ? `\nExamples:\n${lines.map((l) => exampleLines(l).join('\n')).join('\n')}\n` : undefined;
}

/**
 * `  $ twocheck …` within the help width, broken between words (never inside quotes) with a
 * shell's ` \` at each break, so the lines pasted together still run as one command.
 */
export function exampleLines(line: string, width = HELP_WIDTH): string[] {
  // an option and its value stay together: --address "1 Church Street, Leek" is one piece
  const pieces: string[] = [];
  for (const word of line.match(/(?:"[^"]*"|\S)+/g) ?? [line]) {
    const last = pieces[pieces.length - 1];
    if (last !== undefined && /^--?[a-z]/.test(last) && !last.includes(' ') && !word.startsWith('-'))
      pieces[pieces.length - 1] = `${last} ${word}`;
    else pieces.push(word);
  }
  const out: string[] = [];
  let current = '  $';
  for (const piece of pieces) {
    // two characters kept for the " \" that ends a line that runs on
    if (current.trim() !== '$' && current.length + 1 + piece.length > width - 2) {
      out.push(`${current} \\`);
      current = `      ${piece}`;
    } else current += ` ${piece}`;
  }
  out.push(current);
  return out;
}
