/**
 * Which Health and Wellbeing Hub covers a child's home. Pure: it is given the area's table
 * (parsed from templates/areas/<area>.json) and answers found, unsure or not covered.
 * A wrong phone number is the worst possible answer, so anything short of certain is "unsure".
 */

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

/** A place name or postcode typed by a person. */
export function lookupHub(_table: AreaTable, query: string): HubAnswer {
  return { kind: 'unsure', reason: `the Hub table is not built yet, so "${query}" cannot be placed`, candidates: [], hubs: [] };
}

/** A child's home: postcode first, the town or village in the address where that is not enough. */
export function hubForHome(table: AreaTable, home: HomeAddress): HubAnswer {
  return lookupHub(table, home.postcode ?? home.address ?? '');
}
