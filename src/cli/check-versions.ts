import type { CheckRecord } from '../store/checks.js';
import type { Context } from './context.js';
import { type Column, droppedNote, tableLines, tableWidth } from './table.js';

/**
 * `check <ref> --show`: one line per version kept, dates as ISO like every other list. On a
 * narrow terminal the PDF's path goes first (`--json` has it), then who wrote it; the reason for
 * an amendment wraps.
 */
export function printVersions(ctx: Context, versions: readonly CheckRecord[]): void {
  const columns: Column[] = [
    { header: 'version' },
    { header: 'status' },
    { header: 'completed' },
    { header: 'by', drop: 2 },
    { header: 'shared' },
    { header: 'file', drop: 1 },
    { header: 'amended because', wrap: true },
  ];
  const rows = versions.map((v) => [
    `v${v.version}`,
    v.status,
    v.completedOn ?? '',
    v.practitioner ?? '',
    v.sharedOn ?? (v.status === 'completed' ? 'not shared' : ''),
    v.pdfPath ?? '',
    v.amendReason ?? '',
  ]);
  const { lines, dropped } = tableLines(columns, rows, tableWidth(ctx.out.stdout, ctx.env), ctx.out.paint.bold);
  for (const line of lines) ctx.out.data(line);
  const note = droppedNote(dropped);
  if (note) ctx.out.info(note);
}
