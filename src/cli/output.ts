import type { ChalkInstance } from 'chalk';

/** The colours the program uses; plain text when colour is off. */
export type Painter = Pick<ChalkInstance, 'level' | 'bold' | 'red' | 'green' | 'yellow'>;

const plain = (text: string): string => text;
const PLAIN = { level: 0, bold: plain, red: plain, green: plain, yellow: plain } as unknown as Painter;

// chalk costs start-up time, so it is loaded only when some stream will really be coloured.
let chalk: typeof import('chalk') | undefined;

export async function prepareColour(stdout: Stream, stderr: Stream, env: NodeJS.ProcessEnv, flag = true): Promise<void> {
  if (colourWanted(stdout, env, flag) || colourWanted(stderr, env, flag)) chalk ??= await import('chalk');
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

  constructor(options: OutputOptions) {
    this.stdout = options.stdout;
    this.stderr = options.stderr;
    this.quiet = options.quiet ?? false;
    this.stdoutIsTTY = options.stdout.isTTY === true;
    this.stderrIsTTY = options.stderr.isTTY === true;
    this.paint = painter(colourWanted(options.stdout, options.env, options.color));
    this.note = painter(colourWanted(options.stderr, options.env, options.color));
  }

  /** A line of data for stdout. */
  data(text: string): void {
    this.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  /** A value as pretty JSON on stdout. */
  json(value: unknown): void {
    this.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** A message for the person at the terminal; silenced by --quiet. */
  info(message: string): void {
    if (!this.quiet) this.stderr.write(`${message}\n`);
  }

  /** Success note, green on a terminal. */
  done(message: string): void {
    if (!this.quiet) this.stderr.write(`${this.note.green(message)}\n`);
  }

  /** A warning is never silenced: it names something a person must fix. */
  warn(message: string): void {
    this.stderr.write(`${this.note.yellow(`warning: ${message}`)}\n`);
  }

  error(message: string): void {
    this.stderr.write(`${this.note.red(`error: ${message}`)}\n`);
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
