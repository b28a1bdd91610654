import type { Db } from './db.js';

/**
 * Roster layouts mapped once and kept by name: the `field=Header` pairs, as `--map` takes them,
 * and the header row they were made for, so the same export is recognised next time.
 */
export interface SavedMapping {
  name: string;
  /** the header row, each header as headerKey() has it, joined by commas */
  headerRow: string;
  map: string[];
  createdBy: string;
  createdAt: string;
}

interface Row {
  name: string;
  header_row: string;
  map: string;
  created_by: string;
  created_at: string;
}

function fromRow(r: Row): SavedMapping {
  return { name: r.name, headerRow: r.header_row, map: JSON.parse(r.map) as string[], createdBy: r.created_by, createdAt: r.created_at };
}

export function listMappings(db: Db): SavedMapping[] {
  return (db.prepare('SELECT * FROM roster_mappings ORDER BY name').all() as Row[]).map(fromRow);
}

export function findMapping(db: Db, name: string): SavedMapping | null {
  const r = db.prepare('SELECT * FROM roster_mappings WHERE name = ?').get(name) as Row | undefined;
  return r ? fromRow(r) : null;
}

/** The mapping made for this very header row, the latest if there are several. */
export function mappingForHeaderRow(db: Db, headerRow: string): SavedMapping | null {
  const r = db.prepare('SELECT * FROM roster_mappings WHERE header_row = ? ORDER BY created_at DESC, name LIMIT 1').get(headerRow) as
    Row | undefined;
  return r ? fromRow(r) : null;
}

/** Saves (or replaces) a named mapping; the caller's transaction holds it with the import. */
export function saveMapping(db: Db, m: SavedMapping): void {
  db.prepare(
    `INSERT INTO roster_mappings (name, header_row, map, created_by, created_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (name) DO UPDATE SET header_row = excluded.header_row, map = excluded.map,
      created_by = excluded.created_by, created_at = excluded.created_at`,
  ).run(m.name, m.headerRow, JSON.stringify(m.map), m.createdBy, m.createdAt);
}
