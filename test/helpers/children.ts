import Database from 'better-sqlite3';

export interface ChildRow {
  ref: string;
  first_name: string;
  last_name: string;
  dob: string;
  address?: string | null;
  postcode?: string | null;
  parent_name?: string | null;
  parent2_name?: string | null;
  language?: string | null;
  parent_email?: string | null;
  parent_phone?: string | null;
  key_person?: string | null;
  funded?: 0 | 1 | null;
}

/** Puts children straight on the roster, so a test does not depend on `import`. */
export function insertChildren(dbFile: string, children: ChildRow[]): void {
  const db = new Database(dbFile);
  try {
    const insert = db.prepare(`INSERT INTO children (ref, first_name, last_name, dob, address, postcode, parent_name,
      parent2_name, language, parent_email, parent_phone, key_person, funded, created_at, updated_at)
      VALUES (@ref, @first_name, @last_name, @dob, @address, @postcode, @parent_name, @parent2_name, @language,
      @parent_email, @parent_phone, @key_person, @funded, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`);
    for (const c of children) {
      insert.run({
        address: null,
        postcode: null,
        parent_name: null,
        parent2_name: null,
        language: null,
        parent_email: null,
        parent_phone: null,
        key_person: null,
        funded: null,
        ...c,
      });
    }
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
