import type { Db } from './db.js';
import { recordAudit } from './audit.js';

export interface Setting {
  name: string;
  address: string | null;
  postcode: string | null;
  phone: string | null;
  email: string | null;
  manager: string | null;
  urn: string | null;
  area: string;
  logo: string | null;
}

const SETTING_FIELDS = ['name', 'address', 'postcode', 'phone', 'email', 'manager', 'urn', 'area', 'logo'] as const;
export type SettingField = (typeof SETTING_FIELDS)[number];
export type SettingChanges = Partial<Record<SettingField, string | null>>;

export function getSetting(db: Db): Setting | null {
  const row = db.prepare(`SELECT ${SETTING_FIELDS.join(', ')} FROM setting WHERE id = 1`).get() as Setting | undefined;
  return row ?? null;
}

/** Saves the given fields, keeping the rest; audits what changed. Returns the fields that changed. */
export function saveSetting(db: Db, changes: SettingChanges, by: string, now = new Date()): SettingField[] {
  return db.transaction(() => {
    const before = getSetting(db);
    const after = {
      ...(before ?? {
        address: null,
        postcode: null,
        phone: null,
        email: null,
        manager: null,
        urn: null,
        area: 'staffordshire',
        logo: null,
      }),
      ...changes,
    } as Setting;
    const changed = SETTING_FIELDS.filter((f) => (before?.[f] ?? null) !== (after[f] ?? null));
    if (changed.length === 0) return changed;
    db.prepare(
      `INSERT INTO setting (id, ${SETTING_FIELDS.join(', ')}, updated_at)
       VALUES (1, ${SETTING_FIELDS.map((f) => `@${f}`).join(', ')}, @updated_at)
       ON CONFLICT (id) DO UPDATE SET ${SETTING_FIELDS.map((f) => `${f} = excluded.${f}`).join(', ')}, updated_at = excluded.updated_at`,
    ).run({ ...after, updated_at: now.toISOString() });
    recordAudit(db, {
      by,
      action: before ? 'setting.update' : 'setting.create',
      at: now.toISOString(),
      details: Object.fromEntries(changed.map((f) => [f, { from: before?.[f] ?? null, to: after[f] ?? null }])),
    });
    return changed;
  })();
}
