/**
 * Typed failures. Deep code throws these; only `main()` turns them into an exit code.
 * Each message says what is wrong and, where there is one, the command that fixes it.
 */
export class TwocheckError extends Error {
  readonly exitCode: number = 1;
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The command was called wrongly: a bad flag value, a missing argument. Exit 2. */
export class UsageError extends TwocheckError {
  override readonly exitCode = 2;
}

/** The input data was refused and nothing was changed. Exit 3. */
export class InputRejected extends TwocheckError {
  override readonly exitCode = 3;
  constructor(
    message: string,
    readonly problems: readonly string[] = [],
    hint?: string,
  ) {
    super(message, hint);
  }
}

/** A person cancelled a prompt (Ctrl+C). Nothing was saved. Exit 130, as a shell does. */
export class Cancelled extends TwocheckError {
  override readonly exitCode = 130;
  constructor(message = 'Cancelled: nothing was saved.') {
    super(message);
  }
}

/** Something the tool needs is not there yet (no setting, no such child). Exit 1. */
export class NotFound extends TwocheckError {}

/** The setting's details (name, address, phone) are not recorded, and the command prints them. Exit 1. */
export class NoSetting extends NotFound {
  constructor() {
    super('no setting recorded yet', 'run: twocheck setup --name … --address … --postcode … --phone …');
  }
}

/** A command that reads the records was pointed at a database that is not there. Exit 1. */
export class NoDatabase extends NotFound {
  constructor(file: string) {
    super(`no database at ${file}`, 'check --db or TWOCHECK_DB; a new database is made by twocheck setup or twocheck import');
  }
}

/** A ref that names no child on the roster. Exit 1, like every record that is not there. */
export class NoSuchChild extends NotFound {
  constructor(refs: string | readonly string[]) {
    const list = typeof refs === 'string' ? [refs] : refs;
    super(`no child with the ref ${list.map((r) => `"${r}"`).join(', ')}`, 'see the refs with: twocheck children');
  }
}

/**
 * A file that is not JSON, refused with the line and column where parsing stopped, when the
 * runtime says where: Node 20 gives a position for most mistakes ("at position 42"), newer
 * releases a line and column.
 */
export class NotJson extends InputRejected {
  constructor(file: string, text: string, err: unknown, what: string) {
    const message = err instanceof Error ? err.message : String(err);
    const at = whereInText(text, message);
    super(`${file}${at ? `:${at.line}:${at.column}` : ''}: ${what}`, [message]);
  }
}

function whereInText(text: string, message: string): { line: number; column: number } | null {
  const lineColumn = /\(line (\d+) column (\d+)\)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /at position (\d+)/.exec(message);
  if (!position) return null;
  const before = text.slice(0, Number(position[1]));
  return { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') };
}

/** The database a run opened, so a failure deep inside SQLite can name it. */
let databaseInUse: string | undefined;
export function databaseForMessages(file: string): void {
  databaseInUse = file;
}

/**
 * A failure from the system (a full disk, a read-only or damaged database, another run holding
 * the lock) in the words a person acts on, or null for one we did not foresee. Thrown by Node's
 * fs (err.code such as ENOSPC, err.path) or by SQLite (err.code such as SQLITE_BUSY).
 */
export function explainFailure(err: unknown): TwocheckError | null {
  if (!(err instanceof Error)) return null;
  const code = String((err as NodeJS.ErrnoException).code ?? '');
  const where = (err as NodeJS.ErrnoException).path;
  const db = databaseInUse ?? 'the database';
  const again = 'then run the same command again: what was done is kept, and nothing is recorded for a file that was not written';
  if (code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'EDQUOT') {
    const what = code === 'SQLITE_FULL' ? db : shownPath(where);
    return new TwocheckError(`the disk is full: could not write ${what}`, `free some space on that disk, ${again}`);
  }
  if (code.startsWith('SQLITE_READONLY') || (code === 'EROFS' && !where)) {
    return new TwocheckError(
      `the database ${db} cannot be written: it or its folder is read-only`,
      'check who owns it and its folder (ls -l), or point --db at a copy you can write',
    );
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new TwocheckError(
      `the database ${db} is damaged (${err.message})`,
      'nothing more was written to it; put back your latest backup of it, or ask for help before using it again',
    );
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new TwocheckError(
      `the database ${db} is busy: another twocheck run (or another program) kept it locked too long`,
      `wait for that run to finish, ${again}`,
    );
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN' || code === 'EIO') {
    return new TwocheckError(
      `reading or writing the database ${db} failed (${code})`,
      'check the disk it is on is mounted and healthy, then run the same command again',
    );
  }
  if (code === 'EROFS')
    return new TwocheckError(`cannot write ${shownPath(where)}: the disk is read-only`, 'choose a folder on a disk you can write (--out)');
  if (code === 'EACCES' || code === 'EPERM') {
    if (!where)
      return new TwocheckError(`permission denied: ${err.message}`, 'check who owns the file or folder (ls -l), or choose another');
    const shown = shownPath(where);
    const syscall = (err as NodeJS.ErrnoException).syscall ?? '';
    const what =
      shown !== where || WRITES.has(syscall)
        ? `the folder ${shown} is not writable by you`
        : syscall === 'scandir'
          ? `the folder ${shown} is not readable by you`
          : `you may not read or write ${shown}`;
    return new TwocheckError(
      `permission denied: ${what}`,
      `check who owns it (ls -ld ${shown}), or choose another${shown !== where ? ' folder (--out)' : ''}`,
    );
  }
  if (code === 'ENOENT' && where) return new TwocheckError(`there is no such file or folder: ${where}`);
  if (code === 'ENOTDIR' && where) return new TwocheckError(`not a folder: ${where} (a part of that path is a file)`);
  if (code === 'EISDIR' && where) return new TwocheckError(`${where} is a folder, not a file`);
  if (code === 'EMFILE' || code === 'ENFILE')
    return new TwocheckError('too many files are open on this machine', 'close some programs and run the same command again');
  return null;
}

/** System calls that fail on permission only when a folder is not writable. */
const WRITES = new Set(['rename', 'unlink', 'rmdir', 'symlink', 'link']);

/** A private temporary file written beside a document (see documents/files.ts): `.name.<hex>.tmp`. */
const STAGED = /(^|[\\/])\.[^\\/]+\.[0-9a-f]{12}\.tmp$/;

/**
 * The path a person gave, for a failure on a temporary file twocheck made beside it: the folder
 * they chose, not a hidden name they never saw.
 */
export function shownPath(where: string | undefined): string {
  if (!where) return 'a file';
  if (!STAGED.test(where)) return where;
  const cut = Math.max(where.lastIndexOf('/'), where.lastIndexOf('\\'));
  return cut > 0 ? where.slice(0, cut) : '.';
}

/**
 * Why a file could not be read or written, in words, for "cannot read X: <why>"; `writing` says
 * which way the failure went, so permission is told as "not readable" or "not writable".
 */
export function whyFileFailed(err: unknown, writing = false): string {
  const code = String((err as NodeJS.ErrnoException | undefined)?.code ?? '');
  switch (code) {
    case 'ENOENT':
      return writing ? 'its folder does not exist' : 'there is no such file';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of that path is a file, not a folder';
    case 'EACCES':
    case 'EPERM':
      return `permission denied: it is not ${writing ? 'writable' : 'readable'} by you`;
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'ELOOP':
      return 'it is a symbolic link that leads round in a circle';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open on this machine';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
