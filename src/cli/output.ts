import type { ChalkInstance } from 'chalk';
import { fitLine } from './table.js';
import { importPackage } from './packages.js';

/** The colours the program uses; plain text when colour is off. */
export type Painter = Pick<ChalkInstance, 'level' | 'bold' | 'red' | 'green' | 'yellow'>;

const plain = (text: string): string => text;
const PLAIN = { level: 0, bold: plain, red: plain, green: plain, yellow: plain } as unknown as Painter;

// chalk costs start-up time, so it is loaded only when some stream will really be coloured.
let chalk: typeof import('chalk') | undefined;

export async function prepareColour(stdout: Stream, stderr: Stream, env: NodeJS.ProcessEnv, flag = true): Promise<void> {
  if (colourWanted(stdout, env, flag) || colourWanted(stderr, env, flag)) chalk ??= await importPackage<typeof import('chalk')>('chalk');
}

function painter(wanted: boolean): Painter {
  return wanted && chalk ? new chalk.Chalk({ level: 1 }) : PLAIN;
}

export interface Stream {
  write(chunk: string): boolean;
  isTTY?: boolean;
  columns?: number;
}

export interface OutputOptions {
  stdout: Stream;
  stderr: Stream;
  env: NodeJS.ProcessEnv;
  /** false when `--no-color` was given */
  color?: boolean;
  quiet?: boolean;
}

/**
 * Colour on a terminal only, and never with NO_COLOR (any non-empty value), FORCE_COLOR=0,
 * TERM=dumb or --no-color. chalk by itself does not honour NO_COLOR, so the decision lives here.
 */
export function colourWanted(stream: Stream, env: NodeJS.ProcessEnv, flag = true): boolean {
  if (!flag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

/**
 * Characters that change what a terminal shows rather than being shown: C0 and C1 controls
 * (ESC starts a sequence that can retitle the window, clear the screen or hide text, BEL rings)
 * and the bidirectional overrides and isolates that reorder the rest of a line.
 */
const HIDDEN = '\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
const HIDDEN_IN_FIELD = new RegExp(`[${HIDDEN}]`, 'gu');
// A line keeps its own tabs and line ends (LF, or CR LF as CSV ends its rows); a lone CR, which
// would let the rest of a line print over its start, is shown.
const HIDDEN_IN_LINE = new RegExp(
  `[${HIDDEN.replace('\\u0000-\\u001f', '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f')}]|\\r(?!\\n)`,
  'gu',
);

const shown = (ch: string): string => {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x100 ? `\\x${cp.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
};

/**
 * Roster text as it may be printed: stored as given, but every control and bidi character is
 * shown as an escape ("\x1B", "\u202E"), tabs and line ends too, so one field stays one field.
 */
export function printable(text: string): string {
  return text.replace(HIDDEN_IN_FIELD, shown);
}

/**
 * The same for a whole line or block of output, keeping its tabs and line ends, and, when
 * `colour` is on, our own colour codes (ESC [ … m), which only colour text.
 */
export function printableLines(text: string, colour = false): string {
  if (!colour) return text.replace(HIDDEN_IN_LINE, shown);
  return text
    .split(COLOUR_CODE)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(HIDDEN_IN_LINE, shown)))
    .join('');
}

// only the codes our painter writes (bold, dim, colours and their resets): never conceal or blink
// eslint-disable-next-line no-control-regex
const COLOUR_CODE = /(\u001b\[(?:[0-4]|2[2-4]|3[0-79]|9[0-7])m)/;

/**
 * JSON keeps its value: the hidden characters it would print raw become \\u escapes (it already
 * escapes C0 controls inside strings; its own line ends are layout).
 */
function printableJson(text: string): string {
  return text.replace(HIDDEN_IN_LINE, (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

/**
 * The one place that decides where a line goes: data on stdout, messages on stderr.
 * With --json, stdout carries the JSON and nothing else.
 */
export class Output {
  readonly stdout: Stream;
  readonly stderr: Stream;
  /** colours for what goes to stdout (tables) */
  readonly paint: Painter;
  /** colours for messages on stderr */
  readonly note: Painter;
  readonly quiet: boolean;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  /** the terminal's width for messages on stderr; undefined when stderr is not a terminal (nothing is wrapped) */
  readonly messageWidth: number | undefined;
  /** the terminal's width for prose on stdout; undefined when stdout is not a terminal (nothing is wrapped) */
  readonly proseWidth: number | undefined;

  constructor(options: OutputOptions) {
    this.stdout = options.stdout;
    this.stderr = options.stderr;
    this.quiet = options.quiet ?? false;
    this.stdoutIsTTY = options.stdout.isTTY === true;
    this.stderrIsTTY = options.stderr.isTTY === true;
    this.paint = painter(colourWanted(options.stdout, options.env, options.color));
    this.note = painter(colourWanted(options.stderr, options.env, options.color));
    const columns = options.stderr.columns || Number(options.env.COLUMNS) || undefined;
    this.messageWidth = this.stderrIsTTY && columns && Number.isInteger(columns) ? Math.max(40, columns) : undefined;
    const outColumns = options.stdout.columns || Number(options.env.COLUMNS) || undefined;
    this.proseWidth = this.stdoutIsTTY && outColumns && Number.isInteger(outColumns) ? Math.max(40, outColumns) : undefined;
  }

  /**
   * A message as the terminal should show it: each line broken between words to the terminal's
   * width, a line that runs on indented under its start; piped, exactly as given.
   */
  private fit(message: string, lead = 0): string {
    const width = this.messageWidth;
    if (width === undefined) return message;
    return message
      .split('\n')
      .map((line, i) => {
        const first = i === 0 ? lead : 0;
        const [head = '', ...rest] = fitLine(' '.repeat(first) + line, width, '  ');
        return [head.slice(first), ...rest].join('\n');
      })
      .join('\n');
  }

  /** A line of data for stdout. */
  data(text: string): void {
    const safe = printableLines(text, this.paint.level > 0);
    this.stdout.write(safe.endsWith('\n') ? safe : `${safe}\n`);
  }

  /**
   * Sentences for stdout, an answer a person reads rather than data for a program: on a terminal
   * each line is broken between words to its width, a line that runs on indented under its start.
   */
  prose(text: string): void {
    const width = this.proseWidth;
    this.data(
      width === undefined
        ? text
        : text
            .split('\n')
            .flatMap((line) => fitLine(line, width, '  '))
            .join('\n'),
    );
  }

  /** A value as pretty JSON on stdout. */
  json(value: unknown): void {
    this.stdout.write(`${printableJson(JSON.stringify(value, null, 2))}\n`);
  }

  /** A message for the person at the terminal; silenced by --quiet. */
  info(message: string): void {
    if (!this.quiet) this.stderr.write(`${printableLines(this.fit(message), this.note.level > 0)}\n`);
  }

  /** Success note, green on a terminal. */
  done(message: string): void {
    if (!this.quiet) this.stderr.write(`${this.note.green(printableLines(this.fit(message), this.note.level > 0))}\n`);
  }

  /** A warning is never silenced: it names something a person must fix. */
  warn(message: string): void {
    this.stderr.write(`${this.note.yellow(`warning: ${printableLines(this.fit(message, 'warning: '.length), this.note.level > 0)}`)}\n`);
  }

  error(message: string): void {
    this.stderr.write(`${this.note.red(`error: ${printableLines(this.fit(message, 'error: '.length), this.note.level > 0)}`)}\n`);
  }

  /** A plain line on stderr that is never silenced: the hint and details under an error. */
  line(message: string): void {
    this.stderr.write(`${printableLines(this.fit(message), this.note.level > 0)}\n`);
  }

  /** Progress bars only on a terminal, and not with --quiet. */
  get progressAllowed(): boolean {
    return this.stderrIsTTY && !this.quiet;
  }

  /** Width for tables on a terminal; generous when piped so rows are not wrapped. */
  get width(): number {
    return this.stdout.columns ?? 160;
  }
}
