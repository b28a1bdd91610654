import type { Stream } from './output.js';

/**
 * Tables that fit the terminal. A table is laid out for the terminal's width (80 columns at
 * least): when the natural layout is wider, it gives up what matters least first — each
 * column says at which step it is shortened (`short`) or left out (`drop`) — and then lets
 * the one column marked `wrap` run onto more lines, breaking only between words. A word is
 * never split. Piped output has no width, so it is laid out in full, as before; `--wide` does
 * the same on a terminal.
 */
export interface Column {
  header: string;
  /** Reduction step at which this column is left out (lower steps are taken first). */
  drop?: number;
  /** Reduction step at which this column shows its short form instead. */
  shortAt?: number;
  /** The short form of a cell (and of the header, if `shortHeader` is not given). */
  short?: (cell: string) => string;
  shortHeader?: string;
  /** This column takes what width is left and wraps between words. */
  wrap?: boolean;
  /** Colour for a cell, given its padded text and its row's index. */
  style?: (text: string, row: number) => string;
}

export interface TableLayout {
  /** The header line, unstyled. */
  header: string;
  /** Each row's lines: one, or more when its wrapping column runs on. */
  rows: string[][];
  /** Headers of the columns left out to fit. */
  dropped: string[];
}

const GAP = '  ';
export const MIN_WIDTH = 80;

/**
 * The width to lay tables out for: the terminal's columns (80 at least), or COLUMNS when a
 * person sets it; undefined when output goes to a pipe or file, where nothing is shortened.
 */
export function tableWidth(stdout: Stream, env: NodeJS.ProcessEnv, wide = false): number | undefined {
  if (wide) return undefined;
  const fromEnv = Number(env.COLUMNS);
  const given = stdout.isTTY === true && stdout.columns ? stdout.columns : Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : undefined;
  return given === undefined ? undefined : Math.max(MIN_WIDTH, given);
}

export function layoutTable(columns: readonly Column[], rows: readonly (readonly string[])[], width: number | undefined): TableLayout {
  const shown = columns.map(() => true);
  const shortened = columns.map(() => false);
  const steps = [...new Set(columns.flatMap((c) => [c.shortAt, c.drop]).filter((s): s is number => s !== undefined))].sort((a, b) => a - b);
  const cell = (r: readonly string[], i: number): string => {
    const text = r[i] ?? '';
    return shortened[i] && columns[i]!.short ? columns[i]!.short!(text) : text;
  };
  const head = (i: number): string =>
    shortened[i] ? (columns[i]!.shortHeader ?? columns[i]!.short?.(columns[i]!.header) ?? columns[i]!.header) : columns[i]!.header;
  // a loop, not Math.max(...column): spreading 100,000 arguments overflows the stack
  const natural = (i: number): number => {
    let w = head(i).length;
    for (const r of rows) {
      const n = cell(r, i).length;
      if (n > w) w = n;
    }
    return w;
  };
  const widths = (): number[] => columns.map((_, i) => (shown[i] ? natural(i) : 0));
  const total = (ws: number[]): number => {
    const visible = ws.filter((_, i) => shown[i]);
    return visible.reduce((a, b) => a + b, 0) + GAP.length * Math.max(0, visible.length - 1);
  };
  let ws = widths();
  if (width !== undefined) {
    for (const step of steps) {
      if (total(ws) <= width) break;
      columns.forEach((c, i) => {
        if (c.shortAt === step) shortened[i] = true;
        if (c.drop === step) shown[i] = false;
      });
      ws = widths();
    }
  }
  const wrapAt = columns.findIndex((c, i) => c.wrap && shown[i]);
  if (width !== undefined && wrapAt >= 0 && total(ws) > width) {
    const longestWord = Math.max(
      head(wrapAt).length,
      ...[...new Set(rows.map((r) => cell(r, wrapAt)))].flatMap((t) => words(t).map((w) => w.length)),
    );
    ws[wrapAt] = Math.max(longestWord, ws[wrapAt]! - (total(ws) - width));
  }
  const visible = columns.map((_, i) => i).filter((i) => shown[i]);
  const last = visible.at(-1);
  const line = (cells: string[], styled: boolean, row: number): string =>
    visible
      .map((i, k) => {
        const text = cells[k] ?? '';
        const padded = i === last ? text : text.padEnd(ws[i]!);
        return styled && columns[i]!.style ? columns[i]!.style!(padded, row) : padded;
      })
      .join(GAP)
      .trimEnd();
  const header = line(visible.map(head), false, -1);
  const laid = rows.map((r, n) => {
    const cells = visible.map((i) => cell(r, i));
    const k = visible.indexOf(wrapAt);
    if (k < 0 || cells[k]!.length <= ws[wrapAt]!) return [line(cells, true, n)];
    const parts = wrapWords(cells[k]!, ws[wrapAt]!);
    return parts.map((part, p) =>
      line(
        cells.map((c, j) => (j === k ? part : p === 0 ? c : '')),
        true,
        n,
      ),
    );
  });
  return { header, rows: laid, dropped: columns.filter((_, i) => !shown[i]).map((c) => c.header) };
}

/** Words and the separators that may end a line: a space, or just after ", " or "/". */
function words(text: string): string[] {
  return text.match(/[^\s/]+\/?|\//g) ?? [];
}

/** Lines of at most `width`, broken only between words; a word longer than a line stands alone. */
export function wrapWords(text: string, width: number): string[] {
  const pieces = text.match(/[^\s/]*\/|[^\s/]+\s*|\s+/g) ?? [text];
  const lines: string[] = [];
  let current = '';
  for (const piece of pieces) {
    if (current !== '' && (current + piece).trimEnd().length > width) {
      lines.push(current.trimEnd());
      current = piece.trimStart();
    } else current += piece;
  }
  if (current.trim() !== '' || lines.length === 0) lines.push(current.trimEnd());
  return lines;
}

/** The table as lines, header in bold, with a note on stderr naming columns left out to fit. */
export function tableLines(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  width: number | undefined,
  bold: (s: string) => string,
): { lines: string[]; dropped: string[] } {
  const laid = layoutTable(columns, rows, width);
  return { lines: [bold(laid.header), ...laid.rows.flat()], dropped: laid.dropped };
}

/** What to tell a person when columns were left out. */
export function droppedNote(dropped: readonly string[]): string | undefined {
  return dropped.length === 0 ? undefined : `(left out to fit the terminal: ${dropped.join(', ')}; --wide shows every column)`;
}

/** A line of prose for the terminal's width, wrapped between words; continuation lines indented. */
export function fitLine(text: string, width: number | undefined, indent = ''): string[] {
  if (width === undefined || text.length <= width) return [text];
  const lead = /^\s*/.exec(text)![0];
  const [first, ...rest] = wrapWords(text.slice(lead.length), width - lead.length - indent.length);
  return [`${lead}${first}`, ...rest.map((l) => `${lead}${indent}${l}`)];
}
