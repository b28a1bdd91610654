import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { DATE_INPUT_FORMS, parseDateInput } from '../domain/dates-input.js';
import { type RosterField, mapHeaders, readMapOptions, validateRow } from '../domain/roster.js';
import { counted } from '../domain/words.js';
import { InputRejected, UsageError } from '../errors.js';
import { recordAudit } from '../store/audit.js';
import { type ChildFields, type FieldDiff, RosterWriter, markChildLeft } from '../store/children.js';
import { type Context, withContext } from './context.js';
import { defaultRejectsPath, openRoster } from './roster-file.js';

export interface ImportOptions {
  map?: string[];
  encoding?: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
  rejects?: string;
  markMissingLeft?: string | boolean;
  json?: boolean;
}

export interface ImportResult {
  file: string;
  encoding: string;
  delimiter: string;
  dryRun: boolean;
  added: string[];
  updated: { ref: string; diff: FieldDiff }[];
  unchanged: number;
  missing: string[];
  left: string[];
  rejected: number;
  problems: string[];
  rejectsFile: string | null;
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

export function register(program: Command): void {
  program
    .command('import')
    .description('import or update the roster from a CSV file (or - for stdin); all or nothing')
    .argument('<file>', 'the roster CSV, or - to read stdin')
    .option('--map <field=Header>', 'say which column holds a field (repeatable)', (v: string, all: string[] = []) => [...all, v])
    .option('--encoding <name>', 'utf8, utf16le, utf16be or windows1252 (default: detected)')
    .option('--dry-run', 'report what would change, change nothing')
    .option('--skip-invalid', 'import the good rows; write the refused rows to a CSV with a reason')
    .option('--rejects <file>', 'where --skip-invalid writes refused rows (default: <input>.rejects.csv)')
    .option('--mark-missing-left [date]', 'mark children not in this roster as left (on date, default today)')
    .option('--json', 'print the result as JSON')
    .action(withContext(async (ctx, command) => {
      const result = await runImport(ctx, command.args[0] ?? '-', command.opts<ImportOptions>());
      renderImport(ctx, result, command.opts<ImportOptions>().json === true);
    }));
}

export async function runImport(ctx: Context, file: string, options: ImportOptions): Promise<ImportResult> {
  let leftOn: string | null = null;
  if (options.markMissingLeft !== undefined && options.markMissingLeft !== false) {
    leftOn = options.markMissingLeft === true ? ctx.today : parseDateInput(options.markMissingLeft);
    if (!leftOn) throw new UsageError(`--mark-missing-left takes a date as ${DATE_INPUT_FORMS}, not "${String(options.markMissingLeft)}"`);
  }
  if (options.rejects && !options.skipInvalid) throw new UsageError('--rejects goes with --skip-invalid');
  const badMap = readMapOptions(options.map ?? []).problems;
  if (badMap.length > 0) throw new UsageError(badMap.join('; '));
  const source = await openRoster(file, { encoding: options.encoding });
  const mapping = mapHeaders(source.headers, options.map ?? []);
  if (mapping.problems.length > 0) {
    throw new InputRejected(`${source.name}: the header row does not fit; nothing was changed`,
      mapping.problems.map((p) => `${source.name}:${source.headerLine}: header: ${p}`));
  }
  const result: ImportResult = {
    file: source.name, encoding: source.encoding, delimiter: DELIMITER_NAMES[source.delimiter] ?? source.delimiter,
    dryRun: options.dryRun === true, added: [], updated: [], unchanged: 0, missing: [], left: [], rejected: 0,
    problems: [], rejectsFile: null,
  };
  const rejectedRows: string[][] = [];
  const seen = new Map<string, number>();
  const at = ctx.now().toISOString();
  const db = ctx.db();
  db.exec('BEGIN IMMEDIATE');
  let committed = false;
  try {
    const writer = new RosterWriter(db, ctx.by, at);
    for await (const batch of source.batches) for (const { line, cells } of batch) {
      if (cells.every((c) => c.trim() === '')) continue;
      const raw: Partial<Record<RosterField, string>> = {};
      mapping.columns.forEach((field, i) => {
        if (field) raw[field] = cells[i] ?? '';
      });
      const { values, problems } = validateRow(raw, ctx.today);
      const ref = typeof values.ref === 'string' ? values.ref : null;
      if (ref !== null) {
        const first = seen.get(ref);
        if (first !== undefined) problems.push({ field: 'ref', problem: `"${ref}" is also on line ${first}` });
        else seen.set(ref, line);
      }
      if (problems.length > 0) {
        const lines = problems.map((p) => `${source.name}:${line}: ${p.field}: ${p.problem}`);
        result.problems.push(...lines);
        rejectedRows.push([...cells, problems.map((p) => `${p.field}: ${p.problem}`).join('; ')]);
        continue;
      }
      // values also holds ref, which the writer takes apart; funded true/false is stored as 1/0.
      const change = writer.upsert(ref as string, values as ChildFields);
      if (change.kind === 'added') result.added.push(ref as string);
      else if (change.kind === 'updated') result.updated.push({ ref: ref as string, diff: change.diff });
      else result.unchanged += 1;
    }
    result.rejected = rejectedRows.length;
    if (result.problems.length > 0 && !options.skipInvalid) {
      throw new InputRejected(
        `${source.name}: ${counted(rejectedRows.length, 'row')} refused; nothing was changed`,
        result.problems,
        'Fix the rows above and import again, or use --skip-invalid to import the good rows.',
      );
    }
    writer.finish();
    // Every child written is current now, so when there are no more current children than
    // that, none is missing and the scan of the whole table is skipped.
    const written = result.added.length + result.updated.length + result.unchanged;
    const currentCount = db.prepare('SELECT COUNT(*) FROM children WHERE left_on IS NULL').pluck().get() as number;
    const current = currentCount > written
      ? db.prepare('SELECT id, ref FROM children WHERE left_on IS NULL ORDER BY ref').all() as { id: number; ref: string }[]
      : [];
    for (const child of current) {
      if (seen.has(child.ref)) continue;
      result.missing.push(child.ref);
      if (leftOn) {
        markChildLeft(db, child.id, leftOn, ctx.by, at);
        result.left.push(child.ref);
      }
    }
    recordAudit(db, {
      by: ctx.by, at, action: 'roster-imported', details: {
        file: source.name === 'stdin' ? 'stdin' : path.basename(source.name), added: result.added.length,
        updated: result.updated.length, unchanged: result.unchanged, left: result.left.length, rejected: result.rejected,
      },
    });
    // The rejects are written before the commit, so a rejects file that cannot be written leaves the roster as it was.
    if (options.skipInvalid && rejectedRows.length > 0 && !result.dryRun) {
      const target = options.rejects ? path.resolve(ctx.cwd, options.rejects) : defaultRejectsPath(file, ctx.cwd);
      fs.writeFileSync(target, stringify([[...source.headers, 'reason'], ...rejectedRows]), { mode: 0o600 });
      result.rejectsFile = target;
    }
    if (result.dryRun) db.exec('ROLLBACK');
    else db.exec('COMMIT');
    committed = true;
  } finally {
    if (!committed && db.inTransaction) db.exec('ROLLBACK');
  }
  return result;
}

export function renderImport(ctx: Context, r: ImportResult, json: boolean): void {
  if (json) {
    ctx.out.json(r);
  } else if (r.dryRun) {
    for (const ref of r.added) ctx.out.data(`add     ${ref}`);
    for (const u of r.updated) {
      const what = Object.entries(u.diff).map(([f, d]) => `${f}: ${show(d.from)} → ${show(d.to)}`).join('; ');
      ctx.out.data(`update  ${u.ref}  ${what}`);
    }
    for (const ref of r.missing) ctx.out.data(`${r.left.includes(ref) ? 'leave ' : 'missing'} ${ref}`);
  }
  if (r.problems.length > 0) {
    for (const p of r.problems) ctx.out.warn(p);
    if (r.rejectsFile) ctx.out.info(`Refused rows written to ${r.rejectsFile}`);
  }
  if (r.missing.length > 0 && r.left.length === 0) {
    ctx.out.info(`${counted(r.missing.length, 'child', 'children')} on record not in this roster: ` +
      `${r.missing.slice(0, 10).join(', ')}${r.missing.length > 10 ? ', …' : ''} (--mark-missing-left marks them as left)`);
  }
  const counts = `${r.added.length} added, ${r.updated.length} updated, ${r.unchanged} unchanged, ` +
    `${r.left.length} left, ${r.rejected} rejected`;
  const how = `${r.encoding}, ${r.delimiter}`;
  if (r.dryRun) ctx.out.info(`Dry run of ${r.file} (${how}): ${counts}. Nothing was changed.`);
  else ctx.out.done(`Imported ${r.file} (${how}): ${counts}.`);
}

function show(v: string | number | null): string {
  return v === null ? '(empty)' : String(v);
}
