/**
 * Typed failures. Deep code throws these; only `main()` turns them into an exit code.
 * Each message says what is wrong and, where there is one, the command that fixes it.
 */
export class TwocheckError extends Error {
  readonly exitCode: number = 1;
  constructor(message: string, readonly hint?: string) {
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
  constructor(message: string, readonly problems: readonly string[] = [], hint?: string) {
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
