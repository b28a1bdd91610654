import type { Db } from './db.js';

/**
 * A query whose rows come back as arrays of column values. SQLite writes all the rows as one
 * JSON text and V8 parses it: for the thousands of rows `due` reads that takes about half the
 * time better-sqlite3 needs to build them value by value (bench/due.bench.mjs). Only for
 * columns holding text, numbers or NULL (never a BLOB), which is every column the flag rules
 * read. `columns` is a SELECT list; `rest` the FROM clause and what follows it, with no ORDER
 * BY (the rows come in the order SQLite finds them).
 */
export function rowsQuery<T extends unknown[]>(db: Db, columns: string, rest: string): (params?: object) => T[] {
  const statement = db.prepare(`SELECT json_group_array(json_array(${columns})) ${rest}`).pluck();
  return (params = {}) => JSON.parse(statement.get(params) as string) as T[];
}
