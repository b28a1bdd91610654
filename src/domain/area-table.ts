/**
 * The shape of an area's Hub table (templates/areas/<area>.json), checked when it is loaded so a
 * mistyped field is reported by name instead of turning into a wrong phone number later.
 */
import type { AreaTable, Hub } from './hub.js';

export interface Sourced {
  /** a key of the table's `sources` */
  source: string;
  /** YYYY-MM-DD: when the entry was last compared with its source */
  checked: string;
}

export interface HubEntry extends Hub, Sourced {}

export interface Locality extends Sourced {
  id: string;
  name: string;
  hub: string;
}

/**
 * A place or postcode entry says exactly one of: one locality; several localities that share
 * one Hub; unsure (with the candidate localities); or not covered (and who covers it).
 */
export interface Placement extends Sourced {
  locality?: string;
  localities?: string[];
  unsure?: string;
  candidates?: string[];
  notCovered?: string;
  note?: string;
}

export interface PlaceEntry extends Placement {
  name: string;
  aliases?: string[];
  /** A postal town that names another authority (Stoke-on-Trent for Alton): in an address the village wins. */
  postalTown?: boolean;
}

export interface PostcodeEntry extends Placement {
  /** an outcode ("ST13") or a sector ("ST10 4") */
  code: string;
}

export interface AreaData extends AreaTable {
  about?: string;
  sharingNote: string;
  sources: Record<string, string>;
  /** The postcode areas ("ST", "WS") the area lies in: a home postcode outside them is never settled by a town name. */
  postcodeAreas?: string[];
  hubs: HubEntry[];
  localities: Locality[];
  places: PlaceEntry[];
  postcodes: PostcodeEntry[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const OUTCODE_OR_SECTOR = /^[A-Z]{1,2}\d[A-Z\d]?( \d)?$/;

// Tables already found sound, so a table loaded and checked from its file is not checked again
// when it is first looked up in.
const sound = new WeakSet<object>();

/** Every problem with the table, each naming the field (e.g. `places[3] "Leek".locality`). Empty when fine. */
export function validateAreaTable(raw: unknown): string[] {
  if (typeof raw === 'object' && raw !== null && sound.has(raw)) return [];
  const problems = problemsOf(raw);
  if (problems.length === 0) sound.add(raw as object);
  return problems;
}

function problemsOf(raw: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(raw)) return ['the file must hold a JSON object'];
  for (const field of ['area', 'title', 'sharingNote'] as const) {
    if (typeof raw[field] !== 'string' || raw[field] === '') problems.push(`${field}: must be a non-empty string`);
  }
  const sources = isObject(raw.sources) ? raw.sources : null;
  if (!sources) problems.push('sources: must be an object of source names to descriptions');
  const sourced = (where: string, e: Record<string, unknown>) => {
    if (typeof e.source !== 'string' || !sources || !(e.source in sources)) {
      problems.push(`${where}.source: must name one of sources (${sources ? Object.keys(sources).join(', ') : 'none'}), not ${JSON.stringify(e.source)}`);
    }
    if (typeof e.checked !== 'string' || !DATE.test(e.checked)) problems.push(`${where}.checked: must be a date as YYYY-MM-DD, not ${JSON.stringify(e.checked)}`);
  };
  if (raw.postcodeAreas !== undefined && (!Array.isArray(raw.postcodeAreas) || !raw.postcodeAreas.every((a) => typeof a === 'string' && /^[A-Z]{1,2}$/.test(a)))) {
    problems.push('postcodeAreas: must be a list of postcode areas in capitals, like ["ST", "WS"]');
  }
  const hubIds = new Set<string>();
  list(raw, 'hubs', problems).forEach((h, i) => {
    const where = `hubs[${i}]`;
    if (!isObject(h)) return problems.push(`${where}: must be an object`);
    for (const f of ['id', 'name', 'phone']) if (typeof h[f] !== 'string' || h[f] === '') problems.push(`${where}.${f}: must be a non-empty string`);
    if (typeof h.phone === 'string' && !/^[0-9 ]{10,14}$/.test(h.phone)) problems.push(`${where}.phone: must be digits and spaces, not ${JSON.stringify(h.phone)}`);
    if (typeof h.id === 'string') hubIds.add(h.id);
    sourced(where, h);
  });
  const localityIds = new Set<string>();
  list(raw, 'localities', problems).forEach((l, i) => {
    const where = `localities[${i}]`;
    if (!isObject(l)) return problems.push(`${where}: must be an object`);
    for (const f of ['id', 'name']) if (typeof l[f] !== 'string' || l[f] === '') problems.push(`${where}.${f}: must be a non-empty string`);
    if (typeof l.hub !== 'string' || !hubIds.has(l.hub)) problems.push(`${where}.hub: must be one of the hubs' ids (${[...hubIds].join(', ')}), not ${JSON.stringify(l.hub)}`);
    if (typeof l.id === 'string') localityIds.add(l.id);
    sourced(where, l);
  });
  const placement = (where: string, e: Record<string, unknown>) => {
    const says = ['locality', 'localities', 'unsure', 'notCovered'].filter((f) => e[f] !== undefined);
    if (says.length !== 1) problems.push(`${where}: must have exactly one of locality, localities, unsure, notCovered (has ${says.join(', ') || 'none'})`);
    const known = (id: unknown) => typeof id === 'string' && localityIds.has(id);
    if (e.locality !== undefined && !known(e.locality)) problems.push(`${where}.locality: must be a locality id (${[...localityIds].join(', ')}), not ${JSON.stringify(e.locality)}`);
    for (const f of ['localities', 'candidates']) {
      if (e[f] === undefined) continue;
      if (!Array.isArray(e[f]) || !(e[f] as unknown[]).every(known)) problems.push(`${where}.${f}: must be a list of locality ids (${[...localityIds].join(', ')})`);
    }
    if (e.unsure !== undefined && (typeof e.unsure !== 'string' || !Array.isArray(e.candidates))) problems.push(`${where}.unsure: must be a reason, with candidates (a list, possibly empty)`);
    if (e.notCovered !== undefined && typeof e.notCovered !== 'string') problems.push(`${where}.notCovered: must say who covers the place`);
    if (e.note !== undefined && typeof e.note !== 'string') problems.push(`${where}.note: must be a string`);
    sourced(where, e);
  };
  list(raw, 'places', problems).forEach((p, i) => {
    if (!isObject(p)) return problems.push(`places[${i}]: must be an object`);
    const where = `places[${i}] ${JSON.stringify(p.name)}`;
    if (typeof p.name !== 'string' || p.name === '') problems.push(`places[${i}].name: must be a non-empty string`);
    if (p.aliases !== undefined && (!Array.isArray(p.aliases) || !p.aliases.every((a) => typeof a === 'string'))) problems.push(`${where}.aliases: must be a list of names`);
    placement(where, p);
  });
  list(raw, 'postcodes', problems).forEach((p, i) => {
    if (!isObject(p)) return problems.push(`postcodes[${i}]: must be an object`);
    const where = `postcodes[${i}] ${JSON.stringify(p.code)}`;
    if (typeof p.code !== 'string' || !OUTCODE_OR_SECTOR.test(p.code)) problems.push(`${where}.code: must be an outcode like "ST13" or a sector like "ST10 4" in capitals`);
    placement(where, p);
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
