import Database from 'better-sqlite3';

/** Puts a child straight on the roster, so a test does not depend on `import`. */
export function insertChild(dbFile: string, child: { ref: string; first: string; last: string; dob: string; keyPerson?: string | null; postcode?: string }): void {
  const db = new Database(dbFile);
  try {
    db.prepare(`INSERT INTO children (ref, first_name, last_name, dob, key_person, postcode, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`)
      .run(child.ref, child.first, child.last, child.dob, child.keyPerson ?? null, child.postcode ?? null);
  } finally {
    db.close();
  }
}

export function query<T>(dbFile: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
