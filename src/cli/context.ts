import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { type CalendarDate, londonDate } from '../domain/calendar.js';
import { DATE_INPUT_FORMS, parseDateInput } from '../domain/dates-input.js';
import { NoDatabase, UsageError } from '../errors.js';
import type { AppContext } from '../app/context.js';
import type { Db } from '../store/db.js';
import { defaultDatabasePath } from '../store/location.js';
import { Output, prepareColour } from './output.js';

export interface GlobalOptions {
  db?: string;
  today?: string;
  by?: string;
  color?: boolean;
  quiet?: boolean;
  input?: boolean;
}

export interface Process {
  stdin: { isTTY?: boolean };
  stdout: NodeJS.WriteStream | { write(s: string): boolean; isTTY?: boolean; columns?: number };
  stderr: NodeJS.WriteStream | { write(s: string): boolean; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd(): string;
}

/**
 * What every command is given: a use case's context (the clock, the database, who is acting)
 * and the terminal it talks to.
 */
export interface Context extends AppContext {
  out: Output;
  /** Prompts are allowed: stdin and stdout are terminals and --no-input was not given. */
  interactive: boolean;
  /** The database, for a command that loads the database layer only when it needs it (see OPENS_DB_ITSELF). */
  openDb(): Promise<Db>;
  close(): void;
}

/** Only these commands make a new database; any other, given a path with none, says so. */
const COMMANDS_THAT_CREATE = new Set(['setup', 'import']);

/**
 * Commands that seldom need the database and open it with `await ctx.openDb()`, so the database
 * layer is not loaded before they know: `hub Leek` in a setting reads no records.
 */
const OPENS_DB_ITSELF = new Set(['hub']);

type Store = typeof import('../store/db.js');

/**
 * `store` is the database layer, loaded by withContext only when there is a database to open (or
 * the command may make one), so a command such as `hub Leek` on a fresh machine starts without it.
 */
export function createContext(options: GlobalOptions, proc: Process, mayCreate: boolean, store: Store | undefined): Context {
  const env = proc.env;
  const out = new Output({
    stdout: proc.stdout,
    stderr: proc.stderr,
    env,
    color: options.color !== false,
    quiet: options.quiet === true,
  });
  const given = options.today ?? env.TWOCHECK_TODAY;
  // a date given is checked at once; the clock is read only by commands that ask for today
  const from = options.today !== undefined ? '--today' : 'TWOCHECK_TODAY';
  let today = given === undefined || given === '' ? undefined : resolveToday(given, from);
  const dbPath = databasePath(options, proc);
  let loaded = store;
  let handle: Db | undefined;
  let by: string | undefined;
  return {
    out,
    get today() {
      today ??= resolveToday(undefined, from);
      return today;
    },
    now: () => new Date(),
    // the login name is looked up (a passwd lookup) only by commands that record who acted
    get by() {
      by ??= options.by ?? (env.TWOCHECK_BY || safeUsername());
      return by;
    },
    dbPath,
    // read when asked: Node builds process.stdin on first touch, a large share of `hub Leek`'s start-up
    get interactive() {
      return proc.stdin.isTTY === true && proc.stdout.isTTY === true && options.input !== false;
    },
    env,
    cwd: proc.cwd(),
    db() {
      if (!loaded) throw new NoDatabase(dbPath);
      handle ??= loaded.openDatabase(dbPath, { mustExist: !mayCreate });
      return handle;
    },
    async openDb() {
      loaded ??= await storeFor(dbPath, mayCreate);
      return this.db();
    },
    close() {
      handle?.close();
      handle = undefined;
    },
  };
}

/** `from` names where the day came from (`--today` or `TWOCHECK_TODAY`), so a bad one can be found. */
function resolveToday(given: string | undefined, from: string): CalendarDate {
  if (given === undefined || given === '') return londonDate(new Date());
  const date = parseDateInput(given);
  if (!date) throw new UsageError(`${from} must be a calendar date as ${DATE_INPUT_FORMS}, not "${given}"`);
  // Dates are counted forward from today (a second birthday, a look-ahead), so a year far off
  // would run past the calendar's end deep inside a command.
  const year = Number(date.slice(0, 4));
  if (year < 1900 || year > 2199) throw new UsageError(`${from} ${date} is not a day twocheck can act on: give a date from 1900 to 2199`);
  return date;
}

/** The database layer, when there is a database to open or the command may make one. */
async function storeFor(dbPath: string, mayCreate: boolean): Promise<Store | undefined> {
  return mayCreate || existsSync(dbPath) ? import('../store/db.js') : undefined;
}

function databasePath(options: GlobalOptions, proc: Process): string {
  return resolve(proc.cwd(), options.db ?? (proc.env.TWOCHECK_DB || defaultDatabasePath(proc.env)));
}

function safeUsername(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/**
 * Wraps a command's work: builds its Context from the global options, and always closes the
 * database afterwards. Errors go up to main(), which alone sets the exit code.
 */
export function withContext(handler: (ctx: Context, command: Command) => Promise<void> | void) {
  return async (...args: unknown[]): Promise<void> => {
    const command = args[args.length - 1] as Command;
    let top = command;
    while (top.parent?.parent) top = top.parent;
    await inContext(command.optsWithGlobals<GlobalOptions>(), top.name(), (ctx) => handler(ctx, command));
  };
}

/** Runs `work` for the command named with the Context the global options describe. */
export async function inContext(
  options: GlobalOptions,
  commandName: string,
  work: (ctx: Context) => Promise<void> | void,
  proc: Process = process,
): Promise<void> {
  await prepareColour(proc.stdout, proc.stderr, proc.env, options.color !== false);
  // A mistyped --db or TWOCHECK_DB must not become a new, empty database that reports
  // "nothing due" every day.
  const mayCreate = COMMANDS_THAT_CREATE.has(commandName);
  const store = OPENS_DB_ITSELF.has(commandName) ? undefined : await storeFor(databasePath(options, proc), mayCreate);
  const ctx = createContext(options, proc, mayCreate, store);
  try {
    await work(ctx);
  } finally {
    ctx.close();
  }
}
