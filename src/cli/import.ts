import type { Command } from 'commander';
import { type ImportOptions, type ImportResult, MappingNeeded, previewOf, runImport } from '../app/import.js';
import { FIELD_WORDS, likelyField, looksLikeId, previewMapped, quoted, unplacedColumns, unplacedFields } from '../app/import-mapping.js';
import type { RosterField } from '../domain/roster.js';
import { planLayout } from '../domain/roster-layout.js';
import type { DateOrder } from '../domain/roster-dates.js';
import { counted } from '../domain/words.js';
import { type Context, withContext } from './context.js';
import { ask, loadPrompts } from './prompts.js';

interface Flags {
  force?: boolean;
  map?: string[];
  mapping?: string;
  dateOrder?: string;
  encoding?: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
  rejects?: string;
  markMissingLeft?: string | boolean;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('import')
    .description('import or update the roster from a CSV file (or - for stdin); all or nothing')
    .argument('<file>', 'the roster CSV, or - to read stdin')
    .option('--map <field=Header>', 'say which column holds a field (repeatable)', (v: string, all: string[] = []) => [...all, v])
    .option('--mapping <name>', 'use a mapping saved on an earlier import')
    .option('--date-order <order>', 'dmy (day first, UK) or mdy (month first, US), when the file cannot tell')
    .option('--encoding <name>', 'utf8, utf16le, utf16be or windows1252 (default: detected)')
    .option('--dry-run', 'show which column gives each field and what would change; change nothing')
    .option('--skip-invalid', 'import the good rows; write the refused rows to a CSV with a reason')
    .option('--rejects <file>', 'where --skip-invalid writes refused rows (default: <input>.rejects.csv)')
    .option('--force', 'with --skip-invalid: replace a rejects file that is already there')
    .option('--mark-missing-left [date]', 'mark children not in this roster as left (on date, default today)')
    .option('--json', 'print the result as JSON')
    .action(
      withContext(async (ctx, command) => {
        const flags = command.opts<Flags>();
        const options: ImportOptions = {
          file: command.args[0] ?? '-',
          map: flags.map,
          mapping: flags.mapping,
          dateOrder: flags.dateOrder as DateOrder | undefined,
          encoding: flags.encoding,
          dryRun: flags.dryRun,
          skipInvalid: flags.skipInvalid,
          rejects: flags.rejects,
          force: flags.force,
          markMissingLeft: flags.markMissingLeft,
          listAll: flags.dryRun === true || flags.json === true,
        };
        let result: ImportResult;
        try {
          result = await runImport(ctx, options);
        } catch (err) {
          // stdin holds the roster, so it cannot also answer questions
          if (!(err instanceof MappingNeeded) || !ctx.interactive || options.file === '-') throw err;
          const answered = await askForMapping(ctx, err, options.dateOrder);
          if (!answered) {
            ctx.out.info('Not imported: nothing was changed.');
            return;
          }
          result = await runImport(ctx, { ...options, map: [...(options.map ?? []), ...answered.map], saveAs: answered.saveAs });
        }
        renderImport(ctx, result, flags.json === true);
      }),
    );
}

/**
 * On a terminal: the ID first (a column that looks like one is offered before the name-and-birth
 * key), then each required field, then every other column no field came from, each with its
 * first values quoted one per line; then the first rows as they would be imported, to confirm.
 */
async function askForMapping(ctx: Context, need: MappingNeeded, dateOrder?: DateOrder): Promise<{ map: string[]; saveAs?: string } | null> {
  const { select, input, confirm } = await loadPrompts(ctx, 'the roster needs a column for each field');
  const { source, layout } = need;
  ctx.out.info(`${source.name}: twocheck does not recognise a column for ${need.missing.map((f) => FIELD_WORDS[f]).join(', ')}.`);
  const map: string[] = [];
  const free = new Set(unplacedColumns(layout));
  const column = (i: number) => {
    const values = previewOf(source, i);
    const first = values[0] === undefined ? '  (empty)' : `  e.g. ${clip(quoted(values[0]), 40)}`;
    return {
      name: `${source.headers[i]}${first}`,
      short: source.headers[i],
      value: i,
      description: values.length > 0 ? `First values:\n${values.map((v) => `  ${quoted(v)}`).join('\n')}` : undefined,
    };
  };
  const take = (field: RosterField, i: number) => {
    map.push(`${field}=${source.headers[i]}`);
    free.delete(i);
  };
  if (layout.keyed && free.size > 0) {
    const ids = [...free].filter((i) => looksLikeId(source, i));
    const others = [...free].filter((i) => !ids.includes(i));
    const none = { name: 'None: know each child by first name, last name and date of birth', value: -1 };
    const choice = await ask(() =>
      select<number>({
        message: 'Which column holds each child’s ID (ref), the one your system gives?',
        choices: [...ids.map(column), none, ...others.map(column)],
        default: ids[0] ?? -1,
        pageSize: 12,
      }),
    );
    if (choice >= 0) take('ref', choice);
  }
  // a required field may come from a column recognised as something less important ("Family")
  const needed = (['ref', 'first_name', 'last_name', 'dob'] as const).map((f) => layout.sources[f] ?? '');
  const spare = (i: number) =>
    !map.some((m) => m.endsWith(`=${source.headers[i]}`)) && !needed.some((s) => s.includes(`"${source.headers[i]}"`));
  for (const field of need.missing) {
    const options = source.headers.map((_, i) => i).filter(spare);
    const guessed = options.find((i) => likelyField(source, i, [field]) === field);
    const choice = await ask(() =>
      select<number>({
        message: `Which column holds the child’s ${FIELD_WORDS[field]}?`,
        choices: options.map(column),
        default: guessed,
        pageSize: 12,
      }),
    );
    take(field, choice);
  }
  for (const i of [...free]) {
    // what is still open once the answers so far are applied (a column taken for a name frees its old field)
    const open = unplacedFields(planLayout(source.headers, map));
    if (open.length === 0) break;
    const likely = likelyField(source, i, open);
    const values = previewOf(source, i);
    ctx.out.info(
      `The column “${source.headers[i]}”${values.length > 0 ? `, first values:\n${values.map((v) => `  ${quoted(v)}`).join('\n')}` : ' is empty in the first rows.'}`,
    );
    const field = await ask(() =>
      select<RosterField | ''>({
        message: `What does “${source.headers[i]}” hold?`,
        choices: [{ name: 'Nothing twocheck keeps: leave it out', value: '' }, ...open.map((f) => ({ name: FIELD_WORDS[f], value: f }))],
        default: likely ?? '',
        pageSize: 12,
      }),
    );
    if (field) take(field, i);
  }
  ctx.out.info('The first rows, as they will be imported:');
  for (const row of previewMapped(source, map, ctx.today, dateOrder)) {
    ctx.out.info(`  line ${row.line}`);
    for (const f of row.fields) ctx.out.info(`    ${f.words.padEnd(22)} ${quoted(f.value)}`);
    for (const p of row.problems) ctx.out.warn(`    ${p}`);
  }
  const go = await ask(() => confirm({ message: 'Import the roster this way?', default: true }));
  if (!go) return null;
  const name = await ask(() => input({ message: 'Save this mapping for next time as (a name, or empty not to save):', default: '' }));
  return { map, saveAs: name.trim() === '' ? undefined : name.trim() };
}

/** A value cut to `width` characters, so a long address does not wrap the list. */
function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 2)}…”`;
}

function show(v: string | number | boolean | null | undefined): string {
  return v === null || v === undefined ? '(empty)' : String(v);
}

export function renderImport(ctx: Context, r: ImportResult, json: boolean): void {
  if (json) ctx.out.json(r);
  else if (r.dryRun) {
    ctx.out.data('Columns:');
    for (const [field, from] of Object.entries(r.layout.sources)) {
      const values = r.firstRows
        .filter((row) => row.values[field] !== undefined)
        .map(
          (row) =>
            show(row.values[field]) + (field === 'funded' && row.values.funding_basis ? ` (${String(row.values.funding_basis)})` : ''),
        );
      ctx.out.data(`  ${field.padEnd(13)} ← ${from}${values.length > 0 ? `: ${values.join(' | ')}` : ''}`);
    }
    for (const d of r.dates)
      ctx.out.data(
        `  ${d.field} read ${d.order === 'dmy' ? 'day first (dd/mm/yyyy)' : 'month first (mm/dd/yyyy)'}${d.because ? `, as ${d.because} shows` : ''}`,
      );
    for (const i of r.layout.ignored) ctx.out.data(`  not used: "${i.header}" (${i.reason})`);
    for (const c of r.added) ctx.out.data(`add     ${c.ref}  ${c.name}`);
    for (const u of r.updated) {
      const what = Object.entries(u.diff)
        .map(([f, d]) => `${f}: ${show(d.from)} → ${show(d.to)}`)
        .join('; ');
      ctx.out.data(`update  ${u.ref}  ${u.name}  ${what}`);
    }
    for (const c of r.missing) ctx.out.data(`${r.left.includes(c.ref) ? 'leave ' : 'missing'} ${c.ref}  ${c.name}`);
  }
  if (r.layout.mapping) {
    const how = { given: 'Used the saved mapping', recognised: 'Used the saved mapping', saved: 'Saved this mapping as' }[
      r.layout.mapping.how
    ];
    ctx.out.info(
      `${how} "${r.layout.mapping.name}"${r.layout.mapping.how === 'recognised' ? ' (same header row as before)' : ''}${r.layout.mapping.how === 'saved' ? ': next time it is used for the same header row, or with --mapping' : ''}.`,
    );
  }
  for (const c of r.layout.choices) ctx.out.info(`Column chosen: ${c}.`);
  if (r.layout.keyed) {
    ctx.out.info(
      'This roster has no ID column: each child is known by first name, last name and date of birth ' +
        '(shown as the ref, e.g. ada-lovelace-2024-03-12), and is matched that way next time. A corrected name or date of birth ' +
        'makes a new child, and the old record is listed as missing; nothing is merged.',
    );
  }
  for (const d of r.dates)
    if (d.order === 'mdy' && !r.dryRun)
      ctx.out.info(`Dates in "${d.header}" were read month first (mm/dd/yyyy)${d.because ? `, as ${d.because} shows` : ''}.`);
  for (const w of r.warnings) ctx.out.warn(w);
  if (r.problems.length > 0) {
    for (const p of r.problems) ctx.out.warn(p);
    if (r.rejectsFile) ctx.out.info(`Refused rows written to ${r.rejectsFile}`);
  }
  if (r.counts.missing > 0 && r.counts.left === 0) {
    const list = r.missing
      .slice(0, 10)
      .map((c) => `${c.ref} (${c.name})`)
      .join(', ');
    ctx.out.info(
      `${counted(r.counts.missing, 'child', 'children')} on record not in this roster: ${list}${r.counts.missing > 10 ? ', …' : ''} (--mark-missing-left marks them as left)`,
    );
  }
  const c = r.counts;
  const counts = `${c.added} added, ${c.updated} updated, ${c.unchanged} unchanged, ${c.left} left, ${c.rejected} rejected`;
  const how = `${r.encoding}, ${r.delimiter}`;
  if (r.dryRun) ctx.out.info(`Dry run of ${r.file} (${how}): ${counts}. Nothing was changed.`);
  else ctx.out.done(`Imported ${r.file} (${how}): ${counts}.`);
}
