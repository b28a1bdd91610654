import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Command } from 'commander';
import type { AreaData } from '../domain/area-table.js';
import { type AreaTable, type HubAnswer, hubForHome, lookupHub } from '../domain/hub.js';
import { InputRejected, NoSuchChild, TwocheckError, UsageError } from '../errors.js';
import { loadArea } from '../store/areas.js';
import type { Child } from '../store/children.js';
import { commandAt } from './command-line.js';
import { type Context, type GlobalOptions, type Process, inContext, withContext } from './context.js';

export interface HubOptions {
  query?: string;
  child?: string;
  area?: string;
}

export interface HubResult {
  area: string;
  /** what was looked up: the words typed, or the child's home */
  query: string;
  child: { ref: string; address: string | null; postcode: string | null } | null;
  answer: HubAnswer;
  sharingNote: string;
}

export interface HubListResult {
  area: string;
  title: string;
  hubs: { id: string; name: string; phone: string; localities: string[] }[];
  /** how each authority leads to a Hub, and where the table's facts come from */
  authorities: { name: string; locality: string | null; contact: string | null }[];
  sources: Record<string, string>;
  sharingNote: string;
}

export interface HubLine {
  /** the place or postcode typed, words joined by a space */
  words: string;
  child?: string;
  list?: boolean;
  explain?: boolean;
  area?: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('hub')
    .description('the health visiting Hub and phone number for a place, postcode or child')
    .argument('[place-or-postcode...]', 'a town, village or postcode (full, sector or district)')
    .option('--child <ref>', "use the child's home address and postcode")
    .option('--list', 'list every Hub, its phone number, its localities and the sources of the table')
    .option('--explain', 'show how the answer was reached: each rule and the source it rests on')
    .option('--area <name>', "the Hub table to use (default: the setting's area, else staffordshire)")
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExit code 0 when one Hub is certain; 1 when unsure or not covered\n(the answer still goes to stdout).')
    .action(
      withContext(async (ctx, command) => {
        const opts = command.opts<Omit<HubLine, 'words'>>();
        await hubCommand(ctx, { ...opts, words: (command.args as string[]).join(' ') });
      }),
    );
}

/**
 * `twocheck hub Leek` is what a person types with a worried parent in front of them, so its
 * everyday forms skip commander (half the command's start-up) and are read by Node's own
 * parseArgs. Anything else (help, a mistake, an option it does not know) gets null and goes to
 * commander, which explains it. test/unit/hub-line.test.ts proves both read a line alike.
 */
export function directRun(args: readonly string[]): ((proc?: Process) => Promise<void>) | null {
  const line = parseHubLine(args);
  return line && ((proc) => inContext(line.globals, 'hub', (ctx) => hubCommand(ctx, line.hub), proc));
}

export function parseHubLine(args: readonly string[]): { globals: GlobalOptions; hub: HubLine } | null {
  const at = commandAt(args);
  if (args[at] !== 'hub' || args.includes('--')) return null;
  let before;
  let after;
  try {
    // before the command only the global options, as commander reads them; after it, both
    before = parseArgs({ args: args.slice(0, at), strict: true, options: GLOBAL_OPTIONS }).values;
    after = parseArgs({ args: args.slice(at + 1), strict: true, allowPositionals: true, options: { ...GLOBAL_OPTIONS, ...HUB_OPTIONS } });
  } catch {
    return null;
  }
  const v = { ...before, ...after.values };
  const globals: GlobalOptions = { color: v['no-color'] !== true, input: v['no-input'] !== true };
  if (v.db !== undefined) globals.db = v.db;
  if (v.today !== undefined) globals.today = v.today;
  if (v.by !== undefined) globals.by = v.by;
  if (v.quiet) globals.quiet = true;
  const hub: HubLine = { words: after.positionals.join(' ') };
  if (v.child !== undefined) hub.child = v.child;
  if (v.list) hub.list = true;
  if (v.explain) hub.explain = true;
  if (v.area !== undefined) hub.area = v.area;
  if (v.json) hub.json = true;
  return { globals, hub };
}

/** main.ts's global options, as commander defines them */
const GLOBAL_OPTIONS = {
  db: { type: 'string' },
  today: { type: 'string' },
  by: { type: 'string' },
  'no-color': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  'no-input': { type: 'boolean' },
} as const;
const HUB_OPTIONS = {
  child: { type: 'string' },
  list: { type: 'boolean' },
  explain: { type: 'boolean' },
  area: { type: 'string' },
  json: { type: 'boolean' },
} as const;

async function hubCommand(ctx: Context, line: HubLine): Promise<void> {
  const words = line.words.trim();
  if (line.list) {
    if (words || line.child || line.explain) throw new UsageError('--list takes no place, postcode, --child or --explain');
    const list = await runHubList(ctx, line);
    if (line.json) ctx.out.json(list);
    else printList(ctx, list);
    return;
  }
  if (words && line.child) throw new UsageError('give a place or postcode, or --child <ref>, not both');
  if (!words && !line.child)
    throw new UsageError('give a town, village or postcode, or --child <ref>, or --list', 'example: twocheck hub Leek');
  const result = await runHub(ctx, { query: words || undefined, child: line.child, area: line.area });
  if (line.json) ctx.out.json(result);
  else printAnswer(ctx, result, line.explain === true);
  if (result.answer.kind === 'unsure') throw new TwocheckError(`no Hub number: not sure which Hub covers ${result.query}`);
  if (result.answer.kind === 'not-covered') throw new TwocheckError(`no Hub number: ${result.answer.matched} is not covered by these Hubs`);
}

/** The area named, else the setting's, else Staffordshire; the database is only read if it exists. */
async function areaFor(ctx: Context, given: string | undefined): Promise<AreaTable> {
  if (given) {
    try {
      return loadArea(given);
    } catch (err) {
      // a flag naming an area with no table is a usage mistake: say which areas exist
      if (err instanceof TwocheckError && !(err instanceof InputRejected)) throw new UsageError(err.message, err.hint);
      throw err;
    }
  }
  // Read even when one table is installed: a setting whose area has no table must hear so, not
  // get another area's Hub for a village name two counties share.
  const setting = existsSync(ctx.dbPath) ? (await import('../store/setting.js')).getSetting(await ctx.openDb()) : null;
  return loadArea(setting?.area || 'staffordshire');
}

// The records are loaded only when asked about a child, so a lookup by place starts light. With
// no database there, openDb says so, as every other command does.
async function childWithRef(ctx: Context, ref: string): Promise<Child | null> {
  return (await import('../store/children.js')).findChild(await ctx.openDb(), ref);
}

export async function runHub(ctx: Context, options: HubOptions): Promise<HubResult> {
  const table = await areaFor(ctx, options.area);
  const sharingNote = (table as AreaData).sharingNote;
  if (options.child !== undefined) {
    const child = await childWithRef(ctx, options.child);
    if (!child) throw new NoSuchChild(options.child);
    const home = { address: child.address, postcode: child.postcode };
    const query = [child.address, child.postcode].filter(Boolean).join(', ') || '(no address recorded)';
    return { area: table.area, query, child: { ref: child.ref, ...home }, answer: hubForHome(table, home), sharingNote };
  }
  const query = options.query ?? '';
  return { area: table.area, query, child: null, answer: lookupHub(table, query), sharingNote };
}

export async function runHubList(ctx: Context, options: { area?: string }): Promise<HubListResult> {
  const table = (await areaFor(ctx, options.area)) as AreaData;
  return {
    area: table.area,
    title: table.title,
    hubs: table.hubs.map((h) => ({
      id: h.id,
      name: h.name,
      phone: h.phone,
      localities: table.localities.filter((l) => l.hub === h.id).map((l) => l.name),
    })),
    authorities: (table.authorities ?? []).map((a) => ({
      name: a.name,
      locality: table.localities.find((l) => l.id === a.locality)?.name ?? null,
      contact: a.contact ?? null,
    })),
    sources: table.sources,
    sharingNote: table.sharingNote,
  };
}

function printAnswer(ctx: Context, result: HubResult, explain: boolean): void {
  const { paint } = ctx.out;
  const a = result.answer;
  const lines: string[] = [];
  if (result.child) lines.push(`Child ${result.child.ref}, home: ${result.query}`);
  if (a.kind === 'found') {
    lines.push(`${paint.bold(a.hub.name)}  ${paint.bold(a.hub.phone)}`);
    lines.push(`  for ${a.matched}: ${a.locality} locality`);
    if (a.note) lines.push(`  ${paint.yellow(`Note: ${a.note}`)}`);
    lines.push(`  ${result.sharingNote}`);
  } else if (a.kind === 'not-covered') {
    lines.push(paint.yellow('Not covered by these Hubs'));
    lines.push(`  ${a.reason}.`);
    lines.push("  Do not phone these Hubs about this child: contact the service for the child's own area.");
  } else {
    lines.push(paint.yellow('Not sure which Hub'));
    lines.push(`  ${a.reason}`);
    if (a.candidates.length > 0) lines.push(`  Candidates: ${a.candidates.join('; ')}`);
    if (a.hubs.length > 0)
      lines.push(`  Hubs it could be, if it is in the county: ${a.hubs.map((h) => h.name).join(' or ')} (see twocheck hub --list)`);
    lines.push(`  ${NEXT[a.need ?? 'address'](result.child !== null)}: the Hub is not printed on a guess.`);
  }
  if (explain) {
    lines.push('How this was reached:');
    for (const step of a.steps ?? []) lines.push(`  - ${step}`);
    if ((a.steps ?? []).length === 0) lines.push('  - no place or postcode in the table matched what was given');
  }
  ctx.out.prose(lines.join('\n'));
}

/** What the person can do next, by what would settle the answer. */
const NEXT: Record<NonNullable<Extract<HubAnswer, { kind: 'unsure' }>['need']>, (child: boolean) => string> = {
  postcode: (child) => (child ? "Add the child's postcode" : 'Give the postcode as well'),
  place: (child) => (child ? 'Add the town or village to the address' : 'Give the town or village as well'),
  correction: (child) => (child ? 'Check the address and postcode with the family' : 'Check the address and postcode'),
  address: (child) => (child ? "Record the child's address and postcode" : 'Give the postcode or the exact town or village'),
};

function printList(ctx: Context, list: HubListResult): void {
  const lines = [`${list.title}`];
  for (const hub of list.hubs) {
    lines.push(`${ctx.out.paint.bold(hub.name)}  ${ctx.out.paint.bold(hub.phone)}`);
    for (const locality of hub.localities) lines.push(`  ${locality}`);
  }
  lines.push(list.sharingNote);
  if (list.authorities.length > 0) {
    lines.push(
      '',
      'How a home leads to a Hub: the village or neighbourhood, else the postcode, gives the district; the district gives the locality:',
    );
    for (const a of list.authorities)
      lines.push(
        `  ${a.name}: ${a.locality ? `${a.locality} locality` : a.contact ? `not covered (${a.contact})` : 'split village by village'}`,
      );
  }
  lines.push('', 'Sources:');
  for (const [id, text] of Object.entries(list.sources)) lines.push(`  ${id}: ${text}`);
  ctx.out.data(lines.join('\n'));
}
