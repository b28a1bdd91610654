import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { counted } from '../domain/words.js';
import { TwocheckError, UsageError, whyFileFailed } from '../errors.js';
import { type ExportedChild, type Row, runExport } from '../app/export.js';
import { withContext } from './context.js';
import { guardCells } from '../domain/csv-safe.js';
import { entryExists, writeFileAtomically } from '../documents/files.js';
import { camelKeys } from './json-keys.js';

export interface ExportOptions {
  json?: boolean;
  csv?: boolean;
  out?: string;
  all?: boolean;
  force?: boolean;
}

export function register(program: Command): void {
  program
    .command('export')
    .description(
      "export the setting's records (children, consents, letters, checks, shares with health, review results, concerns, dismissed flags, group sessions) as CSV or JSON",
    )
    .option('--csv', 'CSV, one row per record (the default)')
    .option('--json', 'JSON, one object per child with its records inside')
    .option('--out <file>', 'write to this file (private: mode 0600) instead of stdout')
    .option('--force', 'with --out: overwrite the file if it is there')
    .action(
      withContext((ctx, command) => {
        const opts = command.opts<ExportOptions>();
        if (opts.json && opts.csv) throw new UsageError('choose one of --csv and --json');
        const target = opts.out === undefined ? null : path.resolve(ctx.cwd, opts.out);
        // refused before the records are read, so a refusal changes and writes nothing
        if (target && entryExists(target) && !isFolder(target) && !opts.force)
          throw new UsageError(`${target} is already there`, 'give --force to overwrite it, or choose another --out');
        const children = runExport(ctx);
        const text = opts.json ? `${JSON.stringify(camelKeys(children), null, 2)}\n` : exportCsv(children);
        if (target) {
          writePrivately(target, text);
          ctx.out.done(`Exported ${counted(children.length, 'child', 'children')} to ${target}`);
        } else {
          ctx.out.stdout.write(text);
        }
      }),
    );
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
    const code = (err as NodeJS.ErrnoException).code;
    const folder = path.dirname(target);
    const why =
      code === 'ENOENT'
        ? `the folder ${folder} does not exist`
        : code === 'EACCES' || code === 'EPERM'
          ? `permission denied: the folder ${folder} is not writable by you`
          : whyFileFailed(err, true);
    const fix =
      code === 'ENOENT'
        ? 'give --out a file in a folder that exists'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'give --out a file in a folder you can write'
          : 'give --out the path of a file';
    throw new TwocheckError(`cannot write the export to ${target}: ${why}; nothing was written`, fix);
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
const RECORD_KINDS = [
  'child',
  'consent',
  'letter',
  'letter-email',
  'check',
  'check-share',
  'review',
  'concern',
  'concern-event',
  'dismissal',
  'group',
];

/**
 * One CSV row per record: `record` says which (one of RECORD_KINDS), `ref` names the child, then
 * the record's own columns. Cells are guarded against formula injection (see domain/csv-safe.ts).
 */
export function exportCsv(children: ExportedChild[]): string {
  const rows: Row[] = [];
  for (const c of children) {
    const {
      consents,
      letters,
      letter_emails: letterEmails,
      checks,
      concerns,
      dismissals,
      groups,
      check_shares: checkShares,
      reviews,
      ...child
    } = c;
    rows.push({ record: 'child', ref: c.ref, ...child });
    for (const r of consents) rows.push({ record: 'consent', ref: c.ref, ...r });
    for (const r of letters) rows.push({ record: 'letter', ref: c.ref, ...r });
    for (const r of letterEmails) rows.push({ record: 'letter-email', ref: c.ref, ...r });
    for (const r of checks) rows.push({ record: 'check', ref: c.ref, ...r });
    for (const r of checkShares) rows.push({ record: 'check-share', ref: c.ref, ...r });
    // the agreed actions as one cell, one action a line
    for (const r of reviews)
      rows.push({ record: 'review', ref: c.ref, ...r, actions: Array.isArray(r.actions) ? (r.actions as string[]).join('\n') : r.actions });
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
