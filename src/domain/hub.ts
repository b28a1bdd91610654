/**
 * Which Health and Wellbeing Hub covers a child's home. Pure: it is given the area's table
 * (parsed from templates/areas/<area>.json) and answers found, unsure or not covered.
 * A wrong phone number is the worst possible answer, so anything short of certain is "unsure".
 */
import { type AreaData, type Placement, validateAreaTable } from './area-table.js';
import { editDistance, parsePostcode, placeKey, placeLines, postcodeIn } from './hub-text.js';

export interface Hub {
  id: string;
  name: string;
  phone: string;
}

export interface AreaTable {
  /** e.g. "staffordshire" */
  area: string;
  /** e.g. "Staffordshire County" */
  title: string;
  hubs: Hub[];
  /** Whatever else the data file holds: localities, places, postcode districts, sources. */
  [key: string]: unknown;
}

export type HubAnswer =
  | { kind: 'found'; hub: Hub; locality: string; matched: string; note?: string }
  | { kind: 'unsure'; reason: string; candidates: string[]; hubs: Hub[] }
  | { kind: 'not-covered'; reason: string; matched: string };

export interface HomeAddress {
  address: string | null;
  postcode: string | null;
}

interface Index {
  data: AreaData;
  places: Map<string, AreaData['places'][number]>;
  postcodes: Map<string, AreaData['postcodes'][number]>;
}

const indexes = new WeakMap<AreaTable, Index>();

function indexOf(table: AreaTable): Index {
  let index = indexes.get(table);
  if (index) return index;
  const problems = validateAreaTable(table);
  if (problems.length > 0) throw new Error(`the Hub table for ${table.area} is not valid: ${problems.join('; ')}`);
  const data = table as AreaData;
  const places = new Map<string, AreaData['places'][number]>();
  for (const place of data.places) for (const name of [place.name, ...(place.aliases ?? [])]) places.set(placeKey(name), place);
  const postcodes = new Map(data.postcodes.map((p) => [p.code, p] as const));
  index = { data, places, postcodes };
  indexes.set(table, index);
  return index;
}

/** A place name or postcode typed by a person: the postcode first, then the place, never a guess. */
export function lookupHub(table: AreaTable, query: string): HubAnswer {
  const index = indexOf(table);
  const typed = query.trim();
  if (typed === '') return unsure(index, 'nothing was given to look up: give a town, village or postcode', [], []);
  const postcode = parsePostcode(typed);
  if (postcode) return byPostcode(index, postcode.full ?? postcode.sector ?? postcode.outcode, postcode) ?? unknownPostcode(index, postcode.outcode);
  const place = index.places.get(placeKey(typed));
  if (place) return answer(index, place, place.name);
  if (/[,\n]/.test(typed)) return hubForHome(table, { address: typed, postcode: null });
  return unknownPlace(index, typed);
}

/**
 * A child's home: the postcode first, and the town or village in the address where that is not
 * enough. A postcode and a town that point to different Hubs is unsure, not a pick.
 */
export function hubForHome(table: AreaTable, home: HomeAddress): HubAnswer {
  const index = indexOf(table);
  const postcode = (home.postcode ? parsePostcode(home.postcode) : null) ?? (home.address ? postcodeIn(home.address) : null);
  const byCode = postcode ? byPostcode(index, postcode.full ?? postcode.outcode, postcode) : null;
  const byPlace = home.address ? placeInAddress(index, home.address) : null;
  if (!byCode && !byPlace) {
    if (postcode) return unknownPostcode(index, postcode.outcode);
    const given = [home.address, home.postcode].filter(Boolean).join(', ');
    return unsure(index, given ? `no town, village or known postcode district found in "${given}"` : 'the home address and postcode are missing', [], []);
  }
  if (!byCode && postcode && !inArea(index, postcode.outcode)) {
    // Cheadle, SK8 is Stockport, not Cheadle in the Moorlands: a town name never overrules that.
    return unsure(index, `the postcode ${postcode.full ?? postcode.outcode} is outside ${index.data.title}'s postcode areas, whatever the town in the address: check the address`, [], []);
  }
  if (!byCode) return byPlace!;
  if (!byPlace) return byCode;
  return combine(index, byCode, byPlace);
}

function combine(index: Index, byCode: HubAnswer, byPlace: HubAnswer): HubAnswer {
  if (byPlace.kind === 'unsure') return byPlace;
  if (byCode.kind === 'found' && byPlace.kind === 'found') {
    if (byCode.hub.id === byPlace.hub.id) return { ...byCode, matched: `${byCode.matched} and ${byPlace.matched}` };
    return conflict(index, byCode, byPlace);
  }
  if (byCode.kind === 'not-covered' && byPlace.kind === 'not-covered') return byCode;
  if (byCode.kind === 'unsure' && byPlace.kind === 'found') {
    // An ambiguous district is settled by a town that is one of its own candidates.
    const localities = byPlace.locality.split(' or ').map((l) => `${l} (${byPlace.hub.name})`);
    if (localities.every((l) => byCode.candidates.includes(l))) return { ...byPlace, matched: `${byPlace.matched} (postcode district shared with other areas)` };
    return conflict(index, byCode, byPlace);
  }
  if (byCode.kind === 'unsure' && byPlace.kind === 'not-covered') return byCode;
  return conflict(index, byCode, byPlace);
}

function conflict(index: Index, a: HubAnswer, b: HubAnswer): HubAnswer {
  const hubs = [...hubsOf(a), ...hubsOf(b)].filter((h, i, all) => all.findIndex((x) => x.id === h.id) === i);
  return unsure(index, `the postcode and the address disagree: ${describe(a)}, but ${describe(b)}; check the address`, [describe(a), describe(b)], hubs.map((h) => h.id));
}

function describe(a: HubAnswer): string {
  if (a.kind === 'found') return `${a.matched} is ${a.locality} (${a.hub.name})`;
  if (a.kind === 'not-covered') return `${a.matched} is not covered by these Hubs`;
  return a.reason;
}

function hubsOf(a: HubAnswer): Hub[] {
  return a.kind === 'found' ? [a.hub] : a.kind === 'unsure' ? a.hubs : [];
}

/** A sector entry ("ST10 4") settles a district that crosses a line; null when the table does not know it. */
function byPostcode(index: Index, typed: string, pc: { outcode: string; sector: string | null }): HubAnswer | null {
  const entry = (pc.sector ? index.postcodes.get(pc.sector) : undefined) ?? index.postcodes.get(pc.outcode);
  return entry ? answer(index, entry, typed) : null;
}

function inArea(index: Index, outcode: string): boolean {
  const areas = index.data.postcodeAreas;
  return !areas || areas.includes(/^[A-Z]+/.exec(outcode)![0]);
}

function unknownPostcode(index: Index, outcode: string): HubAnswer {
  return unsure(index, `the postcode district ${outcode} is not in the ${index.data.title} table: give the town or village instead`, [], []);
}

/** The towns and villages named in an address; the postal town gives way to the village. */
function placeInAddress(index: Index, address: string): HubAnswer | null {
  const found = new Map<string, AreaData['places'][number]>();
  for (const line of placeLines(address)) {
    const words = line.split(' ');
    // The longest name first, so "Norton Canes" is not read as "Norton".
    for (let i = 0; i < words.length; i++) {
      for (let j = words.length; j > i; j--) {
        const place = index.places.get(words.slice(i, j).join(' '));
        if (place) {
          found.set(place.name, place);
          i = j - 1;
          break;
        }
      }
    }
  }
  let places = [...found.values()];
  if (places.some((p) => !p.postalTown)) places = places.filter((p) => !p.postalTown);
  if (places.length === 0) return null;
  const answers = places.map((p) => answer(index, p, p.name));
  return answers.slice(1).reduce<HubAnswer>((a, b) => (sameAnswer(a, b) ? a : conflictOfPlaces(index, a, b)), answers[0]!);
}

function sameAnswer(a: HubAnswer, b: HubAnswer): boolean {
  if (a.kind === 'found' && b.kind === 'found') return a.hub.id === b.hub.id;
  return a.kind === 'not-covered' && b.kind === 'not-covered';
}

function conflictOfPlaces(index: Index, a: HubAnswer, b: HubAnswer): HubAnswer {
  if (a.kind === 'unsure') return a;
  if (b.kind === 'unsure') return b;
  const hubs = [...hubsOf(a), ...hubsOf(b)].map((h) => h.id);
  return unsure(index, `the address names places in different areas: ${describe(a)}, but ${describe(b)}`, [describe(a), describe(b)], hubs);
}

function answer(index: Index, entry: Placement, matched: string): HubAnswer {
  const { data } = index;
  const locality = (id: string) => data.localities.find((l) => l.id === id)!;
  const hub = (id: string): Hub => {
    const h = data.hubs.find((x) => x.id === id)!;
    return { id: h.id, name: h.name, phone: h.phone };
  };
  if (entry.notCovered !== undefined) {
    return { kind: 'not-covered', matched, reason: `${matched} is not covered by the ${data.title} Hubs: it is served by ${entry.notCovered}` };
  }
  if (entry.unsure !== undefined) {
    const candidates = (entry.candidates ?? []).map(locality);
    return unsure(index, `${matched}: ${entry.unsure}`, candidates.map((l) => `${l.name} (${hub(l.hub).name})`), candidates.map((l) => l.hub));
  }
  const ids = entry.locality !== undefined ? [entry.locality] : (entry.localities ?? []);
  const localities = ids.map(locality);
  const hubIds = [...new Set(localities.map((l) => l.hub))];
  if (hubIds.length !== 1) {
    return unsure(index, `${matched} could be in ${localities.map((l) => l.name).join(' or ')}, which are different Hubs`, localities.map((l) => `${l.name} (${hub(l.hub).name})`), hubIds);
  }
  const found: HubAnswer = { kind: 'found', hub: hub(hubIds[0]!), locality: localities.map((l) => l.name).join(' or '), matched };
  return entry.note ? { ...found, note: entry.note } : found;
}

function unsure(index: Index, reason: string, candidates: string[], hubIds: string[]): HubAnswer {
  const ids = new Set(hubIds);
  const hubs = index.data.hubs.filter((h) => ids.size === 0 || ids.has(h.id)).map((h) => ({ id: h.id, name: h.name, phone: h.phone }));
  return { kind: 'unsure', reason, candidates, hubs };
}

/** Never a guess: the nearest names are offered, and the person chooses. */
function unknownPlace(index: Index, typed: string): HubAnswer {
  const key = placeKey(typed);
  const scored = [...index.places.entries()]
    .map(([name, place]) => ({ place, d: name.startsWith(key) && key.length >= 3 ? 0.5 : editDistance(key, name) }))
    .filter((s) => s.d <= Math.max(2, Math.floor(key.length / 3)))
    .sort((a, b) => a.d - b.d || a.place.name.localeCompare(b.place.name));
  const near = scored.map((s) => s.place).filter((p, i, all) => all.indexOf(p) === i).slice(0, 5);
  const names = near.map((p) => p.name);
  const hubIds = near.flatMap((p) => hubsOf(answer(index, p, p.name)).map((h) => h.id));
  const hint = names.length > 0 ? `did you mean ${names.join(', ')}?` : 'give the postcode, or a nearby town';
  return unsure(index, `"${typed}" is not a place in the ${index.data.title} table: ${hint}`, names, hubIds);
}
