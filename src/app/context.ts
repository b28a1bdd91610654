import type { CalendarDate } from '../domain/calendar.js';
import type { Db } from '../store/db.js';

/**
 * What a use case is given: the clock, the database and who is acting. The command line builds
 * one from the process (src/cli/context.ts); a test builds one from a temporary database and a
 * fixed day (test/helpers/context.ts). A use case returns data and never prints.
 */
export interface AppContext {
  /** Today's date in England, or the day being replayed. */
  readonly today: CalendarDate;
  now(): Date;
  /** Who is acting, for the audit log. */
  readonly by: string;
  readonly dbPath: string;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** The database, opened on first use. */
  db(): Db;
}
