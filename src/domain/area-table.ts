/**
 * The shape of an area's Hub table (templates/areas/<area>.json), checked when it is loaded so a
 * mistyped field is reported by name instead of turning into a wrong phone number later.
 * Staffordshire's table is generated from the sources in data/sources/ by scripts/gazetteer.mjs.
 */
import type { AreaTable, Hub } from './hub.js';

export interface Sourced {
  /** a key of the table's `sources`, or several joined by "; " */
  source: string;
}

export interface HubEntry extends Hub, Sourced {
  checked: string;
}

export interface Locality extends Sourced {
  id: string;
  name: string;
  hub: string;
  checked: string;
}

/** A local authority district: in the area (with its locality, or none where it is split by village), or outside (with whom to contact). */
export interface Authority extends Sourced {
  name: string;
  locality?: string;
  contact?: string;
}

/** One place a name may stand for: an authority, with its localities where known, or why it is unsure. */
export interface Spot {
  authority?: string;
  localities?: string[];
  parish?: string;
  unsure?: string;
}

export interface PlaceEntry extends Sourced {
  name: string;
  /** every place in or near the area this name stands for; more than one is ambiguous */
  at: Spot[];
  /** the same name far away, told apart by its postcode districts (Cheadle, SK8 is Stockport's) */
  elsewhere?: { authority: string; postcodes: string[] }[];
  /** a post town: in an address a village or neighbourhood named beside it wins */
  postTown?: boolean;
}

export interface PostcodeEntry extends Sourced {
  /** an outcode ("ST13") or a sector ("ST10 4") */
  code: string;
  authorities: string[];
  /** the localities of the district's part in an authority split by village, where a source settles it */
  splitLocalities?: string[];
  postTown?: string;
}

export interface AreaData extends AreaTable {
  about?: string;
  checked?: string;
  sharingNote: string;
  sources: Record<string, string>;
  /** The postcode areas ("ST", "WS") the table knows districts of. */
  postcodeAreas?: string[];
  hubs: HubEntry[];
  localities: Locality[];
  authorities: Authority[];
  places: PlaceEntry[];
  postcodes: PostcodeEntry[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const OUTCODE_OR_SECTOR = /^[A-Z]{1,2}\d[A-Z\d]?( \d)?$/;

// Tables already found sound, so a table loaded and checked from its file is not checked again
// when it is first looked up in.
const sound = new WeakSet<object>();

/** Every problem with the table, each naming the field (e.g. `places[3] "Leek".at[0].authority`). Empty when fine. */
export function validateAreaTable(raw: unknown): string[] {
  if (typeof raw === 'object' && raw !== null && sound.has(raw)) return [];
  const problems = problemsOf(raw);
  if (problems.length === 0) sound.add(raw as object);
  return problems;
}

// Written for a cold start: the table is checked on every run, so no field name is built into a
// message (and no source list split) unless something is wrong with it.
function problemsOf(raw: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(raw)) return ['the file must hold a JSON object'];
  for (const field of ['area', 'title', 'sharingNote'] as const) {
    if (typeof raw[field] !== 'string' || raw[field] === '') problems.push(`${field}: must be a non-empty string`);
  }
  const sources = isObject(raw.sources) ? raw.sources : null;
  if (!sources) problems.push('sources: must be an object of source names to descriptions');
  const knownSource = (name: string) => sources !== null && Object.hasOwn(sources, name.trim());
  const sourced = (where: () => string, e: Record<string, unknown>, dated = false) => {
    const source = e.source;
    const fine = typeof source === 'string' && source !== '' && (knownSource(source) || source.split(';').every(knownSource));
    if (!fine) {
      problems.push(
        `${where()}.source: must name one of sources (${sources ? Object.keys(sources).join(', ') : 'none'}), not ${JSON.stringify(source)}`,
      );
    }
    if (dated && (typeof e.checked !== 'string' || !DATE.test(e.checked)))
      problems.push(`${where()}.checked: must be a date as YYYY-MM-DD, not ${JSON.stringify(e.checked)}`);
  };
  const hubIds = new Set<string>();
  list(raw, 'hubs', problems).forEach((h, i) => {
    const where = `hubs[${i}]`;
    if (!isObject(h)) return problems.push(`${where}: must be an object`);
    for (const f of ['id', 'name', 'phone'])
      if (typeof h[f] !== 'string' || h[f] === '') problems.push(`${where}.${f}: must be a non-empty string`);
    if (typeof h.phone === 'string' && !/^[0-9 ]{10,14}$/.test(h.phone))
      problems.push(`${where}.phone: must be digits and spaces, not ${JSON.stringify(h.phone)}`);
    if (typeof h.id === 'string') hubIds.add(h.id);
    sourced(() => where, h, true);
  });
  const localityIds = new Set<string>();
  list(raw, 'localities', problems).forEach((l, i) => {
    const where = `localities[${i}]`;
    if (!isObject(l)) return problems.push(`${where}: must be an object`);
    for (const f of ['id', 'name']) if (typeof l[f] !== 'string' || l[f] === '') problems.push(`${where}.${f}: must be a non-empty string`);
    if (typeof l.hub !== 'string' || !hubIds.has(l.hub))
      problems.push(`${where}.hub: must be one of the hubs' ids (${[...hubIds].join(', ')}), not ${JSON.stringify(l.hub)}`);
    if (typeof l.id === 'string') localityIds.add(l.id);
    sourced(() => where, l, true);
  });
  const localities = (where: () => string, v: unknown) => {
    if (v !== undefined && (!Array.isArray(v) || v.length === 0 || !v.every((id) => typeof id === 'string' && localityIds.has(id)))) {
      problems.push(`${where()}: must be a list of locality ids (${[...localityIds].join(', ')})`);
    }
  };
  const authorityNames = new Set<string>();
  list(raw, 'authorities', problems).forEach((a, i) => {
    const where = `authorities[${i}]`;
    if (!isObject(a) || typeof a.name !== 'string') return problems.push(`${where}: must be an object with a name`);
    authorityNames.add(a.name);
    if (a.locality !== undefined && !localityIds.has(a.locality as string))
      problems.push(`${where}.locality: must be a locality id, not ${JSON.stringify(a.locality)}`);
    if (a.locality !== undefined && a.contact !== undefined) problems.push(`${where}: has both a locality and a contact`);
    sourced(() => where, a);
  });
  const authority = (where: () => string, v: unknown) => {
    if (typeof v !== 'string' || !authorityNames.has(v))
      problems.push(`${where()}: must be one of authorities' names, not ${JSON.stringify(v)}`);
  };
  list(raw, 'places', problems).forEach((p, i) => {
    if (!isObject(p) || typeof p.name !== 'string' || p.name === '') return problems.push(`places[${i}]: must be an object with a name`);
    const where = () => `places[${i}] ${JSON.stringify(p.name)}`;
    if (!Array.isArray(p.at) || p.at.length === 0) problems.push(`${where()}.at: must be a non-empty list`);
    else
      p.at.forEach((s: unknown, j: number) => {
        if (!isObject(s)) return problems.push(`${where()}.at[${j}]: must be an object`);
        if (s.authority === undefined && typeof s.unsure !== 'string')
          problems.push(`${where()}.at[${j}]: needs an authority, or unsure with a reason`);
        if (s.authority !== undefined) authority(() => `${where()}.at[${j}].authority`, s.authority);
        localities(() => `${where()}.at[${j}].localities`, s.localities);
      });
    if (p.elsewhere !== undefined) {
      if (!Array.isArray(p.elsewhere)) problems.push(`${where()}.elsewhere: must be a list`);
      else
        p.elsewhere.forEach((e: unknown, j: number) =>
          authority(() => `${where()}.elsewhere[${j}].authority`, isObject(e) ? e.authority : undefined),
        );
    }
    sourced(where, p);
  });
  list(raw, 'postcodes', problems).forEach((p, i) => {
    if (!isObject(p)) return problems.push(`postcodes[${i}]: must be an object`);
    const where = () => `postcodes[${i}] ${JSON.stringify(p.code)}`;
    if (typeof p.code !== 'string' || !OUTCODE_OR_SECTOR.test(p.code))
      problems.push(`${where()}.code: must be an outcode like "ST13" or a sector like "ST10 4" in capitals`);
    if (!Array.isArray(p.authorities) || p.authorities.length === 0) problems.push(`${where()}.authorities: must be a non-empty list`);
    else p.authorities.forEach((a: unknown, j: number) => authority(() => `${where()}.authorities[${j}]`, a));
    localities(() => `${where()}.splitLocalities`, p.splitLocalities);
    sourced(where, p);
  });
  return problems;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function list(raw: Record<string, unknown>, field: string, problems: string[]): unknown[] {
  if (Array.isArray(raw[field])) return raw[field];
  problems.push(`${field}: must be a list`);
  return [];
}
