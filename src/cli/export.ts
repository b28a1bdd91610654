import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { counted } from '../domain/words.js';
import { TwocheckError, UsageError } from '../errors.js';
import type { Db } from '../store/db.js';
import { type Context, withContext } from './context.js';
import { guardCells } from './csv-safe.js';
import { entryExists, writeFileAtomically } from '../documents/files.js';
import { camelKeys } from './json-keys.js';

export interface ExportOptions {
  json?: boolean;
  csv?: boolean;
  out?: string;
  all?: boolean;
  force?: boolean;
}

type Row = Record<string, unknown>;

export interface ExportedChild extends Row {
  consents: Row[];
  letters: Row[];
  checks: Row[];
  concerns: (Row & { events: Row[] })[];
  dismissals: Row[];
  groups: Row[];
  check_shares: Row[];
  reviews: Row[];
}

export function register(program: Command): void {
  program
    .command('export')
    .description("export the setting's records (children, consents, letters, checks, shares with health, review results, concerns, dismissed flags, group sessions) as CSV or JSON")
    .option('--csv', 'CSV, one row per record (the default)')
    .option('--json', 'JSON, one object per child with its records inside')
    .option('--out <file>', 'write to this file (private: mode 0600) instead of stdout')
    .option('--force', 'with --out: overwrite the file if it is there')
    .action(withContext((ctx, command) => {
      const opts = command.opts<ExportOptions>();
      if (opts.json && opts.csv) throw new UsageError('choose one of --csv and --json');
      const target = opts.out === undefined ? null : path.resolve(ctx.cwd, opts.out);
      // refused before the records are read, so a refusal changes and writes nothing
      if (target && entryExists(target) && !isFolder(target) && !opts.force) throw new UsageError(`${target} is already there`, 'give --force to overwrite it, or choose another --out');
      const children = runExport(ctx);
      const text = opts.json ? `${JSON.stringify(camelKeys(children), null, 2)}\n` : exportCsv(children);
      if (target) {
        writePrivately(target, text);
        ctx.out.done(`Exported ${counted(children.length, 'child', 'children')} to ${target}`);
      } else {
        ctx.out.stdout.write(text);
      }
    }));
}

/**
 * Temporary name, then rename, so a half-written export never sits under the real name; a folder
 * that is not there (or not writable) is a plain message naming the file, not a stack trace.
 */
function writePrivately(target: string, text: string): void {
  try {
    writeFileAtomically(target, Buffer.from(text, 'utf8'), { makeFolder: false });
  } catch (err) {
    if (err instanceof TwocheckError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    const why = code === 'ENOENT' ? `the folder ${path.dirname(target)} does not exist` : code === 'EISDIR' ? 'it is a folder' : code;
    throw new TwocheckError(`cannot write the export to ${target}: ${why}; nothing was written`, 'give --out a file in a folder that exists');
  }
}

function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** Everything held, child by child, read straight from the schema (every check version kept). */
export function runExport(ctx: Context): ExportedChild[] {
  const db: Db = ctx.db();
  const byChild = (sql: string) => {
    const map = new Map<number, Row[]>();
    for (const row of db.prepare(sql).all() as Row[]) {
      const id = row.child_id as number;
      const { child_id: _drop, ...rest } = row;
      map.set(id, [...(map.get(id) ?? []), rest]);
    }
    return map;
  };
  const consents = byChild('SELECT * FROM consents ORDER BY child_id, id');
  const letters = byChild('SELECT * FROM letters WHERE child_id IS NOT NULL ORDER BY child_id, id');
  const checks = byChild('SELECT * FROM checks ORDER BY child_id, version');
  const concerns = byChild('SELECT * FROM concerns ORDER BY child_id, id');
  const events = new Map<number, Row[]>();
  for (const e of db.prepare('SELECT * FROM concern_events ORDER BY concern_id, id').all() as Row[]) {
    const { concern_id: cid, ...rest } = e;
    events.set(cid as number, [...(events.get(cid as number) ?? []), rest]);
  }
  // named as every other record names who recorded it and when, so a spreadsheet filter finds all
  const dismissals = byChild('SELECT id, child_id, flag, reason, by AS recorded_by, at AS recorded_at FROM dismissals ORDER BY child_id, id');
  // a group session is the setting's, a child's place in it is the child's: one row per place, with the session's details
  const groups = byChild(`SELECT m.child_id, s.id AS session_id, s.on_date, s.at_time, s.place, s.lead, s.health_visitor,
      m.attended, m.recorded_at FROM group_members m JOIN group_sessions s ON s.id = m.session_id ORDER BY m.child_id, s.on_date, s.id`);
  const checkShares = byChild(`SELECT s.id, s.child_id, c.version, s.with_whom, s.how, s.on_date, s.without_consent_reason, s.recorded_by, s.recorded_at
      FROM check_shares s JOIN checks c ON c.id = s.check_id ORDER BY s.child_id, s.on_date, s.id`);
  const reviews = byChild('SELECT * FROM reviews ORDER BY child_id, reviewed_on, id');
  const children = db.prepare('SELECT * FROM children ORDER BY ref').all() as Row[];
  return children.map((c) => ({
    ...c,
    funded: c.funded === null ? null : c.funded === 1,
    consents: consents.get(c.id as number) ?? [],
    letters: letters.get(c.id as number) ?? [],
    checks: (checks.get(c.id as number) ?? []).map((k) => ({ ...k, data: parseJson(k.data) })),
    concerns: (concerns.get(c.id as number) ?? []).map((k) => ({ ...k, events: events.get(k.id as number) ?? [] })),
    dismissals: dismissals.get(c.id as number) ?? [],
    groups: (groups.get(c.id as number) ?? []).map((g) => ({ ...g, attended: g.attended === null ? null : g.attended === 1 })),
    check_shares: checkShares.get(c.id as number) ?? [],
    reviews: (reviews.get(c.id as number) ?? []).map((v) => ({ ...v, check_seen: v.check_seen === 1, actions: parseJson(v.actions) })),
  }));
}

function parseJson(text: unknown): unknown {
  try {
    return typeof text === 'string' ? JSON.parse(text) : text;
  } catch {
    return text;
  }
}

const RECORD_KINDS = ['child', 'consent', 'letter', 'check', 'check-share', 'review', 'concern', 'concern-event', 'dismissal', 'group'];

/**
 * One CSV row per record: `record` says which (one of RECORD_KINDS), `ref` names the child, then
 * the record's own columns. Cells are guarded against formula injection (see csv-safe.ts).
 */
export function exportCsv(children: ExportedChild[]): string {
  const rows: Row[] = [];
  for (const c of children) {
    const { consents, letters, checks, concerns, dismissals, groups, check_shares: checkShares, reviews, ...child } = c;
    rows.push({ record: 'child', ref: c.ref, ...child });
    for (const r of consents) rows.push({ record: 'consent', ref: c.ref, ...r });
    for (const r of letters) rows.push({ record: 'letter', ref: c.ref, ...r });
    for (const r of checks) rows.push({ record: 'check', ref: c.ref, ...r });
    for (const r of checkShares) rows.push({ record: 'check-share', ref: c.ref, ...r });
    // the agreed actions as one cell, one action a line
    for (const r of reviews) rows.push({ record: 'review', ref: c.ref, ...r, actions: Array.isArray(r.actions) ? (r.actions as string[]).join('\n') : r.actions });
    for (const { events, ...r } of concerns) {
      rows.push({ record: 'concern', ref: c.ref, ...r });
      for (const e of events) rows.push({ record: 'concern-event', ref: c.ref, concern_id: r.id, ...e });
    }
    for (const r of dismissals) rows.push({ record: 'dismissal', ref: c.ref, ...r });
    for (const r of groups) rows.push({ record: 'group', ref: c.ref, ...r });
  }
  // columns by kind of record, in the order above, so they stand in the same places whichever
  // child happens to come first
  const header = ['record', 'ref'];
  for (const kind of RECORD_KINDS) {
    for (const r of rows) if (r.record === kind) for (const k of Object.keys(r)) if (!header.includes(k)) header.push(k);
  }
  return stringify([header, ...rows.map((r) => guardCells(header.map((h) => r[h])))]);
}
