import Database from 'better-sqlite3';

export interface SeedChild {
  ref: string;
  first: string;
  last: string;
  dob: string;
  address?: string | null;
  postcode?: string | null;
  parent?: string | null;
  parent2?: string | null;
  language?: string | null;
  funded?: 0 | 1 | null;
  keyPerson?: string | null;
}

/** Children straight into the database (import is built elsewhere); run setup first so it exists. */
export function seedChildren(dbFile: string, children: SeedChild[]): void {
  const db = new Database(dbFile);
  try {
    const insert = db.prepare(`INSERT INTO children (ref, first_name, last_name, dob, address, postcode, parent_name, parent2_name,
      language, funded, key_person, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`);
    for (const c of children) {
      insert.run(c.ref, c.first, c.last, c.dob, c.address ?? null, c.postcode ?? null, c.parent ?? null, c.parent2 ?? null,
        c.language ?? null, c.funded ?? null, c.keyPerson ?? null);
    }
  } finally {
    db.close();
  }
}

export function query<T>(dbFile: string, sql: string): T[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}
