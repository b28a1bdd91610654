/**
 * Which Health and Wellbeing Hub covers a child's home. Pure: it is given the area's table
 * (parsed from templates/areas/<area>.json) and answers found, unsure or not covered.
 * The road: place or postcode -> local authority (and, where an authority is split, the village)
 * -> locality -> Hub. A wrong phone number is the worst possible answer, so anything short of
 * certain is "unsure", with what would settle it.
 */
import type { AreaData, PlaceEntry, PostcodeEntry, Spot } from './area-table.js';
import { validateAreaTable } from './area-table.js';
import { addressLines, editDistance, parsePostcode, placeKey, postcodeIn, type Postcode } from './hub-text.js';

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
  /** Whatever else the data file holds: localities, authorities, places, postcode districts, sources. */
  [key: string]: unknown;
}

/** What would settle an unsure answer: a postcode, the town or village, a corrected address, or the whole address. */
export type Need = 'postcode' | 'place' | 'correction' | 'address';

/** `steps` says how the answer was reached, each step with the source it rests on (`hub --explain`). */
export type HubAnswer =
  | { kind: 'found'; hub: Hub; locality: string; matched: string; steps?: string[]; note?: string }
  | { kind: 'unsure'; reason: string; candidates: string[]; hubs: Hub[]; need?: Need; steps?: string[] }
  | { kind: 'not-covered'; reason: string; matched: string; steps?: string[] };

export interface HomeAddress {
  address: string | null;
  postcode: string | null;
}

/**
 * Whether an answer may be acted on, and if not why: a found Hub or a sure "not covered" is
 * sure; anything else needs the address fixed before a letter or check goes out.
 */
export function hubIsSure(answer: HubAnswer): { sure: boolean; reason: string } {
  if (answer.kind === 'found') return { sure: true, reason: `${answer.hub.name} for ${answer.matched}` };
  if (answer.kind === 'not-covered') return { sure: true, reason: answer.reason };
  return { sure: false, reason: answer.reason };
}

interface Index {
  data: AreaData;
  places: Map<string, PlaceEntry>;
  postcodes: Map<string, PostcodeEntry>;
  authorities: Map<string, AreaData['authorities'][number]>;
}

const indexes = new WeakMap<AreaTable, Index>();

function indexOf(table: AreaTable): Index {
  let index = indexes.get(table);
  if (index) return index;
  const problems = validateAreaTable(table);
  if (problems.length > 0) throw new Error(`the Hub table for ${table.area} is not valid: ${problems.join('; ')}`);
  const data = table as AreaData;
  index = {
    data,
    places: new Map(data.places.map((p) => [placeKey(p.name), p])),
    postcodes: new Map(data.postcodes.map((p) => [p.code, p])),
    authorities: new Map(data.authorities.map((a) => [a.name, a])),
  };
  indexes.set(table, index);
  return index;
}

/** A place name, a postcode or a whole address typed by a person: never a guess. */
export function lookupHub(table: AreaTable, query: string): HubAnswer {
  const index = indexOf(table);
  const typed = query.trim();
  if (typed === '') return unsure(index, 'nothing was given to look up: give a town, village or postcode', 'address', [], [], []);
  if (parsePostcode(typed)) return hubForHome(table, { address: null, postcode: typed });
  const place = index.places.get(placeKey(typed));
  if (place) return resolve(index, null, [place], []);
  if (/[,\n]/.test(typed) || postcodeIn(typed)) return hubForHome(table, { address: typed, postcode: null });
  return unknownPlace(index, typed);
}

/**
 * A child's home, read as a person would: the village or neighbourhood named in the address
 * (over the post town), checked against the postcode; where they disagree, unsure.
 */
export function hubForHome(table: AreaTable, home: HomeAddress): HubAnswer {
  const index = indexOf(table);
  const postcode = (home.postcode ? parsePostcode(home.postcode) : null) ?? (home.address ? postcodeIn(home.address) : null);
  const places = home.address ? placesIn(index, home.address) : [];
  const given = [home.address, home.postcode].filter(Boolean).join(', ');
  if (home.postcode && !postcode) {
    return unsure(index, `"${home.postcode}" is not a postcode: correct it`, 'correction', [], [], []);
  }
  if (!postcode && places.length === 0) {
    const why = given
      ? `no town, village or postcode the ${index.data.title} table knows was found in "${given}"`
      : 'the home address and postcode are missing';
    return unsure(index, why, given ? 'postcode' : 'address', [], [], []);
  }
  return resolve(index, postcode, places, []);
}

interface Option extends Spot {
  /** what the option came from, for the reason and --explain */
  via: string;
}

function resolve(index: Index, postcode: Postcode | null, places: PlaceEntry[], steps: string[]): HubAnswer {
  const code = postcode ? codeEntry(index, postcode) : null;
  const typedCode = postcode ? (postcode.full ?? postcode.sector ?? postcode.outcode) : '';
  if (code)
    steps.push(
      `postcode ${typedCode}: ${code.code === postcode!.outcode ? 'district' : 'sector'} ${code.code} lies in ${code.authorities.join(', ')} (source: ${code.source})`,
    );
  const placeOptions = places.map((p) => {
    steps.push(
      `place ${p.name}: ${p.at.map(describeSpot).join(' or ')}${p.elsewhere ? `; also ${p.elsewhere.map((e) => `${e.authority} (${e.postcodes.join(', ')})`).join(', ')}` : ''} (source: ${p.source})`,
    );
    return [
      ...p.at.map((s) => ({ ...s, via: p.name })),
      ...(p.elsewhere ?? []).map((e) => ({ authority: e.authority, via: `${p.name} (${e.postcodes.join(', ')})` })),
    ];
  });
  const placeNames = places.map((p) => p.name).join(', ');

  if (postcode && !code) {
    steps.push(`postcode ${typedCode}: the district ${postcode.outcode} is not in the ${index.data.title} table`);
    // A place outside the area needs no postcode to be told apart; one inside cannot be checked.
    if (placeOptions.length > 0 && placeOptions.every((opts) => opts.every((o) => isOutside(index, o)))) {
      return decide(index, placeOptions.flat(), placeNames, steps, 'place');
    }
    const why = `the postcode district ${postcode.outcode} does not reach ${index.data.title} as far as the table knows${placeNames ? `, so it cannot confirm ${placeNames}` : ''}: check the postcode`;
    return unsure(index, why, placeNames ? 'correction' : 'place', [], [], steps);
  }
  if (code && placeOptions.length === 0) {
    const answer = decide(index, postcodeOptions(code), typedCode, steps, 'postcode');
    if (answer.kind !== 'unsure') return answer;
    const sector =
      postcode!.sector && code.code === postcode!.outcode ? `; the table's sources do not settle the sector ${postcode!.sector}` : '';
    return {
      ...answer,
      need: 'place',
      reason: `the postcode ${typedCode} was given, but its ${code.code === postcode!.outcode ? 'district' : 'sector'} ${code.code} covers ${answer.candidates.join(' and ')}${sector}: give the town or village as well`,
    };
  }
  // Several places named: the ones every place allows (Handsacre, Armitage) stand.
  let options = placeOptions[0]!;
  for (const more of placeOptions.slice(1)) {
    const both = options.filter((o) => !o.authority || more.some((m) => m.authority === o.authority));
    if (both.length === 0)
      return unsure(
        index,
        `the address names places in different areas: ${placeNames}: check the address`,
        'correction',
        describeOptions(index, [...options, ...more]),
        hubIdsOf(index, [...options, ...more]),
        steps,
      );
    options = both;
  }
  if (code) {
    const agreed = options.filter((o) => o.authority && code.authorities.includes(o.authority));
    if (agreed.length === 0) {
      const why = `the address and the postcode disagree: ${placeNames} is ${describeOptions(index, options).join(' or ')}, but the postcode ${typedCode} is in ${code.authorities.join(', ')}: check the address`;
      return unsure(
        index,
        why,
        'correction',
        [...describeOptions(index, options), ...describeOptions(index, postcodeOptions(code))],
        hubIdsOf(index, [...options, ...postcodeOptions(code)]),
        steps,
      );
    }
    steps.push(`${placeNames} and ${typedCode} agree on ${[...new Set(agreed.map((o) => o.authority))].join(', ')}`);
    return decide(index, agreed, `${placeNames} (${typedCode})`, steps, 'place and postcode');
  }
  const elsewhere = places.find((p) => p.elsewhere);
  if (elsewhere) {
    // one place outside may have a postcode district shared by two authorities: named once
    const outside = elsewhere.elsewhere!;
    const far = `${[...new Set(outside.map((e) => e.authority))].join(' or ')}, postcode ${[...new Set(outside.flatMap((e) => e.postcodes))].join(', ')}`;
    return unsure(
      index,
      `there is a ${elsewhere.name} in ${index.data.title} and another outside it (${far}): give the postcode`,
      'postcode',
      describeOptions(index, options),
      hubIdsOf(index, options),
      steps,
    );
  }
  return decide(index, options, placeNames, steps, 'place');
}

/** One answer from the places a name or postcode may stand for: sure only when they all lead to one Hub, or all outside. */
function decide(index: Index, options: Option[], matched: string, steps: string[], rule: string): HubAnswer {
  const outside = options.filter((o) => isOutside(index, o));
  if (outside.length === options.length) {
    const contacts = [...new Set(outside.map((o) => index.authorities.get(o.authority!)!.contact!))];
    steps.push(`by ${rule}: ${[...new Set(outside.map((o) => o.authority))].join(' or ')}, outside ${index.data.title}`);
    return {
      kind: 'not-covered',
      matched,
      reason: `${matched} is not covered by the ${index.data.title} Hubs: it is served by ${contacts.join(', or ')}`,
      steps,
    };
  }
  const ids = options.flatMap((o) => localitiesOf(index, o) ?? []);
  const unsettled = options.filter((o) => !isOutside(index, o) && !localitiesOf(index, o));
  const hubIds = [...new Set(ids.map((id) => localityOf(index, id).hub))];
  if (outside.length === 0 && unsettled.length === 0 && hubIds.length === 1) {
    const localities = [...new Set(ids)].map((id) => localityOf(index, id));
    const hub = hubOf(index, hubIds[0]!);
    steps.push(`by ${rule}: ${localities.map((l) => l.name).join(' or ')} locality -> ${hub.name} (source: ${localities[0]!.source})`);
    return { kind: 'found', hub, locality: localities.map((l) => l.name).join(' or '), matched, steps };
  }
  const reasons = unsettled.map((o) => o.unsure).filter(Boolean);
  const why =
    options.length === 1 && reasons.length === 1
      ? `${matched}: ${reasons[0]}`
      : `${matched} could be ${describeOptions(index, options).join(' or ')}`;
  return unsure(index, why, 'place', describeOptions(index, options), hubIdsOf(index, options), steps);
}

function codeEntry(index: Index, pc: Postcode): PostcodeEntry | null {
  return (pc.sector ? index.postcodes.get(pc.sector) : undefined) ?? index.postcodes.get(pc.outcode) ?? null;
}

function postcodeOptions(code: PostcodeEntry): Option[] {
  return code.authorities.map((authority) => ({ authority, via: code.code }));
}

/** An authority's locality; for one split village by village, the village's (or the postcode district's, where a source settles it). */
function localitiesOf(index: Index, o: Option): string[] | null {
  if (o.localities) return o.localities;
  if (o.unsure || !o.authority) return null;
  const a = index.authorities.get(o.authority);
  if (a?.locality) return [a.locality];
  const code = index.postcodes.get(o.via);
  return code?.splitLocalities && !a?.contact ? code.splitLocalities : null;
}

function isOutside(index: Index, o: Spot): boolean {
  return !!o.authority && !!index.authorities.get(o.authority)?.contact;
}

function describeSpot(s: Spot): string {
  return s.authority ? `${s.authority}${s.parish && s.parish !== s.authority ? ` (${s.parish} parish)` : ''}` : (s.unsure ?? 'unknown');
}

function describeOptions(index: Index, options: Option[]): string[] {
  return [
    ...new Set(
      options.map((o) => {
        if (isOutside(index, o)) return `${o.authority} (not covered)`;
        const ids = localitiesOf(index, o);
        if (!ids) return `${o.authority ?? o.via} (Hub not settled)`;
        const hubs = [...new Set(ids.map((id) => hubOf(index, localityOf(index, id).hub).name))];
        return `${o.authority} (${hubs.join(' or ')})`;
      }),
    ),
  ];
}

function hubIdsOf(index: Index, options: Option[]): string[] {
  const ids = new Set<string>();
  for (const o of options) {
    if (isOutside(index, o)) continue;
    const localities = localitiesOf(index, o);
    // an authority split by village could be either Hub until the village is known
    if (!localities) for (const h of index.data.hubs) ids.add(h.id);
    else for (const id of localities) ids.add(localityOf(index, id).hub);
  }
  return [...ids];
}

function localityOf(index: Index, id: string) {
  return index.data.localities.find((l) => l.id === id)!;
}

function hubOf(index: Index, id: string): Hub {
  const h = index.data.hubs.find((x) => x.id === id)!;
  return { id: h.id, name: h.name, phone: h.phone };
}

function unsure(index: Index, reason: string, need: Need, candidates: string[], hubIds: string[], steps: string[]): HubAnswer {
  const ids = new Set(hubIds);
  const hubs = index.data.hubs.filter((h) => ids.has(h.id)).map((h) => ({ id: h.id, name: h.name, phone: h.phone }));
  return { kind: 'unsure', reason, candidates, hubs, need, steps };
}

/** The towns and villages named in an address; a post town gives way to a village named beside it. */
function placesIn(index: Index, address: string): PlaceEntry[] {
  const found = new Map<string, PlaceEntry>();
  for (const { key, street } of addressLines(address)) {
    const whole = index.places.get(key);
    if (whole) {
      found.set(whole.name, whole);
      continue;
    }
    if (street) continue;
    const words = key.split(' ');
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
  // A county named on its own line ("…, Staffordshire") says nothing once a town is named.
  const named = [...found.values()];
  const places = named.some((p) => p.at.some((s) => s.authority)) ? named.filter((p) => p.at.some((s) => s.authority)) : named;
  const villages = places.filter((p) => !p.postTown);
  return villages.length > 0 ? villages : places;
}

/** Never a guess: the nearest names are offered, and the person chooses. */
function unknownPlace(index: Index, typed: string): HubAnswer {
  const key = placeKey(typed);
  const scored = [...index.places.entries()]
    .map(([name, place]) => ({ place, d: name.startsWith(key) && key.length >= 3 ? 0.5 : editDistance(key, name) }))
    .filter((s) => s.d <= Math.max(2, Math.floor(key.length / 3)))
    .sort((a, b) => a.d - b.d || a.place.name.localeCompare(b.place.name));
  const near = scored
    .map((s) => s.place)
    .filter((p, i, all) => all.indexOf(p) === i)
    .slice(0, 5);
  const names = near.map((p) => p.name);
  const hubIds = hubIdsOf(
    index,
    near.flatMap((p) => p.at.map((s) => ({ ...s, via: p.name }))),
  );
  const hint = names.length > 0 ? `did you mean ${names.join(', ')}?` : 'give the postcode, or a nearby town';
  return unsure(index, `"${typed}" is not a place in the ${index.data.title} table: ${hint}`, 'place', names, hubIds, []);
}
