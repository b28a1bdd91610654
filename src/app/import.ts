import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { DATE_INPUT_FORMS, parseDateInput } from '../domain/dates-input.js';
import { type RowProblem, validateRow } from '../domain/roster.js';
import { type DateOrder, DateOrderEvidence, type DateOrders, type DateProof } from '../domain/roster-dates.js';
import { controlCharacter, stableKey } from '../domain/roster-fields.js';
import { headerKey } from '../domain/roster-headers.js';
import { type Layout, planLayout, readMapOptions } from '../domain/roster-layout.js';
import { counted } from '../domain/words.js';
import { InputRejected, UsageError } from '../errors.js';
import { recordAudit } from '../store/audit.js';
import { type ChildFields, type FieldDiff, RosterWriter, markChildLeft } from '../store/children.js';
import { findMapping, listMappings, mappingForHeaderRow, saveMapping } from '../store/mappings.js';
import type { AppContext } from './context.js';
import { type RosterSource, defaultRejectsPath, openRoster } from './roster-file.js';
import { guardCells } from '../domain/csv-safe.js';
import { entryExists, refuseLink, writeFileAtomically } from '../documents/files.js';
import { MappingNeeded, previewOf } from './import-mapping.js';

export { MappingNeeded } from './import-mapping.js';

export interface ImportOptions {
  file: string;
  map?: string[];
  /** a saved mapping to use, by name */
  mapping?: string;
  /** save the --map given under this name (the prompt asks for it) */
  saveAs?: string;
  dateOrder?: DateOrder;
  encoding?: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
  rejects?: string;
  /** replace a rejects file already there */
  force?: boolean;
  markMissingLeft?: string | boolean;
  /** every child added, updated and missing, not only the first few (for --dry-run and --json) */
  listAll?: boolean;
  stdin?: NodeJS.ReadableStream;
}

export interface NamedChild {
  ref: string;
  name: string;
}

export interface ImportResult {
  file: string;
  encoding: string;
  delimiter: string;
  dryRun: boolean;
  layout: {
    sources: Record<string, string>;
    choices: string[];
    ignored: { header: string; reason: string }[];
    /** no ID column: refs are made from name and date of birth */
    keyed: boolean;
    mapping: { name: string; how: 'given' | 'recognised' | 'saved' } | null;
  };
  /** each date column used, the order it was read in, and the value that decided it */
  dates: { field: string; header: string; order: DateOrder; because: string | null }[];
  /** the first rows as read, field by field, for a person to check */
  firstRows: { line: number; values: Record<string, string | boolean | null> }[];
  counts: { added: number; updated: number; unchanged: number; missing: number; left: number; rejected: number };
  added: NamedChild[];
  updated: (NamedChild & { diff: FieldDiff })[];
  missing: NamedChild[];
  left: string[];
  problems: string[];
  warnings: string[];
  rejectsFile: string | null;
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };
/** Without listAll, lists stop here: a big roster's result stays small. */
const LIST_LIMIT = 50;

class Restart {
  constructor(readonly orders: DateOrders) {}
}

export async function runImport(ctx: AppContext, options: ImportOptions): Promise<ImportResult> {
  let leftOn: string | null = null;
  if (options.markMissingLeft !== undefined && options.markMissingLeft !== false) {
    leftOn = options.markMissingLeft === true ? ctx.today : parseDateInput(options.markMissingLeft);
    if (!leftOn) throw new UsageError(`--mark-missing-left takes a date as ${DATE_INPUT_FORMS}, not "${String(options.markMissingLeft)}"`);
  }
  if (options.rejects && !options.skipInvalid) throw new UsageError('--rejects goes with --skip-invalid');
  const rejectsTarget = options.rejects ? path.resolve(ctx.cwd, options.rejects) : defaultRejectsPath(options.file, ctx.cwd);
  // Said before anything is read or changed: a rejects file is never overwritten unasked, nor written through a link.
  if (options.skipInvalid && !options.dryRun) {
    refuseLink(rejectsTarget);
    if (entryExists(rejectsTarget) && !options.force) {
      throw new UsageError(
        `the rejects file ${rejectsTarget} is already there; nothing was changed`,
        'give --force to replace it, or --rejects <another file>',
      );
    }
  }
  if (options.dateOrder && options.dateOrder !== 'dmy' && options.dateOrder !== 'mdy') {
    throw new UsageError(`--date-order must be dmy (day first, UK) or mdy (month first, US), not "${String(options.dateOrder)}"`);
  }
  const badMap = readMapOptions(options.map ?? []).problems;
  if (badMap.length > 0) throw new UsageError(badMap.join('; '));
  let source = await openRoster(options.file, { encoding: options.encoding, stdin: options.stdin });
  // A roster refused for its header must not leave a new, empty database behind.
  const db = fs.existsSync(ctx.dbPath) ? ctx.db() : null;
  const headerRow = source.headers.map(headerKey).join(',');
  let map = options.map ?? [];
  let mapping: ImportResult['layout']['mapping'] = null;
  if (options.mapping) {
    const saved = db ? findMapping(db, options.mapping) : null;
    if (!saved) {
      const names = db ? listMappings(db).map((m) => m.name) : [];
      throw new UsageError(`no saved mapping "${options.mapping}"; saved: ${names.length > 0 ? names.join(', ') : 'none'}`);
    }
    map = [...saved.map, ...map];
    mapping = { name: saved.name, how: 'given' };
  } else if (map.length === 0) {
    const saved = db ? mappingForHeaderRow(db, headerRow) : null;
    if (saved) {
      map = saved.map;
      mapping = { name: saved.name, how: 'recognised' };
    }
  }
  const layout = planLayout(source.headers, map);
  const at = `${source.name}:${source.headerLine}: header`;
  if (layout.problems.length > 0) {
    throw new InputRejected(
      `${source.name}: the header row does not fit; nothing was changed`,
      layout.problems.map((p) => `${at}: ${p}`),
    );
  }
  if (layout.missing.length > 0) {
    throw new MappingNeeded(source, layout, db ? listMappings(db).map((m) => m.name) : [], options.file);
  }
  let forced: DateOrders | null = null;
  for (;;) {
    try {
      const result = await importRows(ctx, options, source, layout, leftOn, forced);
      if (options.saveAs && !result.dryRun) {
        saveMapping(ctx.db(), { name: options.saveAs, headerRow, map, createdBy: ctx.by, createdAt: ctx.now().toISOString() });
        mapping = { name: options.saveAs, how: 'saved' };
      }
      result.layout.mapping = mapping;
      return result;
    } catch (err) {
      if (!(err instanceof Restart) || forced) throw err;
      // A value proved a date column month-first after earlier ones were read day first:
      // nothing was kept, and the file is read again with the order it proved.
      forced = err.orders;
      source = await source.reopen();
    }
  }
}

async function importRows(
  ctx: AppContext,
  options: ImportOptions,
  source: RosterSource,
  layout: Layout,
  leftOn: string | null,
  forced: DateOrders | null,
): Promise<ImportResult> {
  const result: ImportResult = {
    file: source.name,
    encoding: source.encoding,
    delimiter: DELIMITER_NAMES[source.delimiter] ?? source.delimiter,
    dryRun: options.dryRun === true,
    layout: {
      sources: layout.sources as Record<string, string>,
      choices: layout.choices,
      ignored: layout.ignored,
      keyed: layout.keyed,
      mapping: null,
    },
    dates: [],
    firstRows: [],
    counts: { added: 0, updated: 0, unchanged: 0, missing: 0, left: 0, rejected: 0 },
    added: [],
    updated: [],
    missing: [],
    left: [],
    problems: [],
    warnings: [],
    rejectsFile: null,
  };
  const limit = options.listAll ? Infinity : LIST_LIMIT;
  const evidence = new DateOrderEvidence(ctx.today);
  for (const c of layout.dateColumns) evidence.track(c.index, c.header);
  const dobCol = layout.dateColumns.find((c) => layout.sources.dob === `"${c.header}"`);
  const startCol = layout.dateColumns.find((c) => layout.sources.start_date === `"${c.header}"`);
  const orderOf = (col: { index: number } | undefined, resolved: DateOrders | null): DateOrder =>
    options.dateOrder ?? (col && resolved?.orders.get(col.index)) ?? 'dmy';
  const orders = { dob: orderOf(dobCol, forced), start_date: orderOf(startCol, forced) };
  // Until a value proves otherwise, ambiguous dates are read day first; a proof that changes a
  // column already read stops the writing, and the rest of the file is only looked at.
  let scanOnly = false;
  const rejectedRows: string[][] = [];
  const width = source.headers.length;
  const dbh = ctx.db();
  const now = ctx.now().toISOString();
  dbh.exec('BEGIN IMMEDIATE');
  let committed = false;
  try {
    const writer = new RosterWriter(dbh, ctx.by, now);
    for await (const batch of source.batches)
      for (const { line, cells } of batch) {
        if (cells.every((c) => c.trim() === '')) continue;
        for (const c of layout.dateColumns) {
          if (evidence.observe(c.index, cells[c.index] ?? '', line) && !forced && !options.dateOrder) {
            const now2 = evidence.resolve();
            if (now2.orders.get(dobCol?.index ?? -1) === 'mdy' || now2.orders.get(startCol?.index ?? -1) === 'mdy') scanOnly = true;
          }
        }
        if (scanOnly) continue;
        const problems: RowProblem[] = [];
        if (cells.length > width && cells.slice(width).some((c) => c.trim() !== '')) {
          problems.push({
            field: 'row',
            problem: `has ${cells.length} cells but the header has ${width}: often an unquoted comma in a name or address; put quotes round it in the spreadsheet`,
          });
        }
        for (let i = 0; i < cells.length; i++) {
          const bad = controlCharacter(cells[i] as string);
          if (bad)
            problems.push({
              field: source.headers[i] ?? `column ${i + 1}`,
              problem: `holds the control character ${bad}, which a roster never has (is the file really a CSV?)`,
            });
        }
        const raw = layout.read(cells);
        const checked = validateRow(raw, ctx.today, orders);
        problems.push(...checked.problems);
        const { values } = checked;
        for (const w of checked.warnings) result.warnings.push(`${source.name}:${line}: ${w.field}: ${w.problem}`);
        let ref = typeof values.ref === 'string' ? values.ref : null;
        if (
          layout.keyed &&
          typeof values.first_name === 'string' &&
          typeof values.last_name === 'string' &&
          typeof values.dob === 'string'
        ) {
          ref = stableKey(values.first_name, values.last_name, values.dob);
        }
        if (result.firstRows.length < 3)
          result.firstRows.push({ line, values: { ...values, ...(ref ? { ref } : {}) } as Record<string, string | boolean | null> });
        const name = `${String(values.first_name ?? '')} ${String(values.last_name ?? '')}`.trim();
        if (problems.length === 0 && ref !== null) {
          delete values.ref;
          const change = writer.upsert(ref, values as ChildFields, line);
          if (change.kind === 'duplicate') {
            problems.push({
              field: 'ref',
              problem: `"${ref}" is also on line ${change.firstLine}${layout.keyed ? ' (same name and date of birth)' : ''}`,
            });
          } else {
            result.counts[change.kind] += 1;
            if (change.kind === 'added' && result.added.length < limit) result.added.push({ ref, name });
            else if (change.kind === 'updated' && result.updated.length < limit) result.updated.push({ ref, name, diff: change.diff });
            continue;
          }
        } else if (ref !== null) {
          const first = writer.touch(ref, line);
          if (first > 0) problems.push({ field: 'ref', problem: `"${ref}" is also on line ${first}` });
        }
        result.problems.push(...problems.map((p) => `${source.name}:${line}: ${p.field}: ${p.problem}`));
        result.counts.rejected += 1;
        if (options.skipInvalid) rejectedRows.push([...cells, problems.map((p) => `${p.field}: ${p.problem}`).join('; ')]);
      }
    const resolved = forced ?? evidence.resolve();
    if (!options.dateOrder && resolved.conflicts.length > 0) throw dateConflict(source.name, resolved);
    if (scanOnly) throw new Restart(resolved);
    for (const [field, col] of [
      ['dob', dobCol],
      ['start_date', startCol],
    ] as const) {
      if (!col) continue;
      const proof = options.dateOrder
        ? null
        : (resolved.because.find((b) => b.column === col.index) ?? (orders[field] === 'mdy' ? resolved.because[0] : undefined));
      result.dates.push({
        field,
        header: col.header,
        order: orders[field],
        because: proof ? `${source.name}:${proof.line}: "${proof.text}" in "${proof.header}"` : null,
      });
    }
    if (result.problems.length > 0 && !options.skipInvalid) {
      throw new InputRejected(
        `${source.name}: ${counted(result.counts.rejected, 'row')} refused; nothing was changed`,
        [...result.problems, ...result.warnings],
        'Fix the rows above and import again, or use --skip-invalid to import the good rows.',
      );
    }
    writer.finish();
    const written = result.counts.added + result.counts.updated + result.counts.unchanged;
    const currentCount = dbh.prepare('SELECT COUNT(*) FROM children WHERE left_on IS NULL').pluck().get() as number;
    if (currentCount > written) {
      const current = dbh
        .prepare('SELECT id, ref, first_name AS f, last_name AS l FROM children WHERE left_on IS NULL ORDER BY ref')
        .all() as { id: number; ref: string; f: string; l: string }[];
      for (const child of current) {
        if (writer.wasSeen(child.id)) continue;
        result.counts.missing += 1;
        if (result.missing.length < limit) result.missing.push({ ref: child.ref, name: `${child.f} ${child.l}`.trim() });
        if (leftOn) {
          markChildLeft(dbh, child.id, leftOn, ctx.by, now);
          result.counts.left += 1;
          if (result.left.length < limit) result.left.push(child.ref);
        }
      }
    }
    recordAudit(dbh, {
      by: ctx.by,
      at: now,
      action: 'roster-imported',
      details: {
        file: source.name === 'stdin' ? 'stdin' : path.basename(source.name),
        added: result.counts.added,
        updated: result.counts.updated,
        unchanged: result.counts.unchanged,
        left: result.counts.left,
        rejected: result.counts.rejected,
      },
    });
    // The rejects are written before the commit, so a rejects file that cannot be written leaves the roster as it was.
    if (options.skipInvalid && rejectedRows.length > 0 && !result.dryRun) {
      // a private temporary file renamed into place, never through a link planted there
      const rejectsTarget = options.rejects ? path.resolve(ctx.cwd, options.rejects) : defaultRejectsPath(options.file, ctx.cwd);
      writeFileAtomically(rejectsTarget, Buffer.from(stringify([[...source.headers, 'reason'], ...rejectedRows].map(guardCells)), 'utf8'), {
        makeFolder: false,
      });
      result.rejectsFile = rejectsTarget;
    }
    if (result.dryRun) dbh.exec('ROLLBACK');
    else dbh.exec('COMMIT');
    committed = true;
  } finally {
    if (!committed && dbh.inTransaction) dbh.exec('ROLLBACK');
  }
  return result;
}

function dateConflict(file: string, resolved: DateOrders): InputRejected {
  const say = (p: DateProof) => `${file}:${p.line}: "${p.text}" in "${p.header}"`;
  return new InputRejected(
    `${file}: dates are written both day first and month first; nothing was changed`,
    resolved.conflicts.flatMap((c) => [
      `${say(c.dmy)} can only be day first (dd/mm/yyyy)`,
      `${say(c.mdy)} can only be month first (mm/dd/yyyy)`,
    ]),
    'Say how the file writes dates with --date-order dmy (day first, UK) or --date-order mdy (month first, US); a date that does not fit is then refused with its line.',
  );
}

export { previewOf };
