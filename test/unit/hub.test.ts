import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateAreaTable } from '../../src/domain/area-table.js';
import { type AreaTable, hubForHome, lookupHub } from '../../src/domain/hub.js';
import { editDistance, parsePostcode, placeKey } from '../../src/domain/hub-text.js';

const file = path.resolve(import.meta.dirname, '../../templates/areas/staffordshire.json');
const table = JSON.parse(fs.readFileSync(file, 'utf8')) as AreaTable;
const WEST = '0300 303 3923';
const EAST = '0300 303 3924';

type Expect = typeof WEST | typeof EAST | 'unsure' | 'not-covered';

/** query → the one answer acceptable. A phone number only where the reference is certain. */
const CASES: [string, Expect][] = [
  // Staffordshire Moorlands (West)
  ['Leek', WEST],
  ['Biddulph', WEST],
  ['Cheadle', 'unsure'],
  ['Werrington', WEST],
  ['Alton', WEST],
  ['Ipstones', WEST],
  ['Staffordshire Moorlands', WEST],
  ['Draycott in the Moors', WEST],
  // Newcastle-under-Lyme (West), with its spellings
  ['Newcastle-under-Lyme', WEST],
  ['newcastle under lyme', WEST],
  ['Newcastle u Lyme', WEST],
  ['NEWCASTLE-U-LYME', WEST],
  ['  newcastle   under  lyme ', WEST],
  ['Kidsgrove', WEST],
  ['Audley', WEST],
  ['Madeley', 'unsure'],
  ['Keele', WEST],
  ['Loggerheads', WEST],
  ['Talke', WEST],
  ['Betley', WEST],
  // Stafford and surrounds (West)
  ['Stafford', WEST],
  ['Stone', WEST],
  ['Eccleshall', WEST],
  ['Gnosall', WEST],
  ['Hixon', WEST],
  // East Staffordshire (East)
  ['Burton upon Trent', EAST],
  ['Burton-on-Trent', EAST],
  ['burton on trent', EAST],
  ['Burton', EAST],
  ['Uttoxeter', EAST],
  ['Barton-under-Needwood', EAST],
  ['Barton u Needwood', EAST],
  ['Tutbury', EAST],
  ['Stapenhill', EAST],
  ['Winshill', EAST],
  ['East Staffordshire', EAST],
  ['Draycott-in-the-Clay', EAST],
  // Lichfield, Tamworth, Cannock (East)
  ['Lichfield', EAST],
  ['Burntwood', EAST],
  ['Armitage', EAST],
  ['Alrewas', EAST],
  ['Fazeley', EAST],
  ['Shenstone', EAST],
  ['Tamworth', EAST],
  ['Wilnecote', EAST],
  ['Glascote', EAST],
  ['Cannock', EAST],
  ['Hednesford', EAST],
  ['Rugeley', EAST],
  ['Brereton', EAST],
  ['Norton Canes', EAST],
  ['Heath Hayes', EAST],
  ['Cannock Chase', EAST],
  // South Staffordshire: Seisdon and Stafford sides (West), Cannock side unconfirmed (unsure)
  ['Codsall', WEST],
  ['Bilbrook', WEST],
  ['Perton', WEST],
  ['Pattingham', WEST],
  ['Wombourne', WEST],
  ['Kinver', WEST],
  ['Swindon', WEST],
  ['Himley', WEST],
  ['Lower Penn', WEST],
  ['Trysull', WEST],
  ['Seisdon', WEST],
  ['Featherstone', WEST],
  ['Penkridge', WEST],
  ['Wheaton Aston', WEST],
  ['Lapley', WEST],
  ['Acton Trussell', WEST],
  ['Brewood', WEST],
  ['Coven', WEST],
  // placed by their wards' former NHS areas (ons-ccg)
  ['Cheslyn Hay', EAST],
  ['Great Wyrley', EAST],
  ['Landywood', EAST],
  ['Huntington', EAST],
  ['Essington', EAST],
  ['Shareshill', WEST],
  ['Saredon', EAST],
  ['South Staffordshire', 'unsure'],
  ['Staffordshire', 'unsure'],
  // same names
  ['Stretton', 'unsure'],
  ['Whittington', 'unsure'],
  ['Norton', 'unsure'],
  ['Draycott', 'unsure'],
  ['Wootton', EAST],
  ['Mow Cop', 'unsure'],
  // misspellings and unknowns: never a guess
  ['Leeek', 'unsure'],
  ['Lichfeild', 'unsure'],
  ['Tamwoth', 'unsure'],
  ['Uttoxter', 'unsure'],
  ['Atlantis', 'unsure'],
  ['', 'unsure'],
  // Stoke-on-Trent and outside the county
  ['Stoke-on-Trent', 'not-covered'],
  ['stoke upon trent', 'not-covered'],
  ['Stoke', 'not-covered'],
  ['Hanley', 'not-covered'],
  ['Burslem', 'not-covered'],
  ['Tunstall', 'not-covered'],
  ['Fenton', 'not-covered'],
  ['Longton', 'not-covered'],
  ['Meir', 'not-covered'],
  ['Trentham', 'not-covered'],
  ['Bentilee', 'not-covered'],
  ['Abbey Hulton', 'not-covered'],
  ['Norton-in-the-Moors', 'not-covered'],
  ['Wolverhampton', 'not-covered'],
  ['Walsall', 'not-covered'],
  ['Derby', 'not-covered'],
  ['Market Drayton', 'not-covered'],
  ['Alsager', 'not-covered'],
  // postcodes: whole districts, full postcodes in any spacing, sectors
  ['ST13', WEST],
  ['st13 6aa', WEST],
  ['ST136AA', WEST],
  ['ST8 7AB', 'unsure'],
  ['ST5 2AA', WEST],
  ['st52aa', WEST],
  ['ST15', WEST],
  ['ST16 1AA', WEST],
  ['ST17', WEST],
  ['ST18', 'unsure'],
  ['ST19 5AA', 'unsure'], // ST19 5 reaches the Huntington and Hatherton ward (Cannock)
  ['DE13', 'unsure'], // DE13 reaches South Derbyshire
  ['DE13 0AA', EAST],
  ['de14 1aa', EAST],
  ['WS11 1AA', EAST],
  ['WS13', EAST],
  ['WS14', EAST],
  ['WS7', EAST],
  ['WS15 2AA', 'unsure'], // WS15 2 has Stafford postcodes
  ['WS15 4AA', EAST],
  ['B77 1AA', 'unsure'], // B77 1 has North Warwickshire postcodes
  ['B77 2AA', EAST],
  ['ST10', 'unsure'],
  ['ST10 4', 'unsure'],
  ['ST14 8AA', 'unsure'],
  ['WS12', 'unsure'],
  ['DE6', 'unsure'],
  ['ST7', 'unsure'],
  ['WV4', 'unsure'],
  ['WV5 9AA', WEST], // Wombourne and Lower Penn wards: Seisdon
  ['WV5 7AA', 'unsure'],
  ['WV6', 'unsure'],
  ['WV8', 'unsure'],
  ['WV10', 'unsure'],
  ['B78', 'unsure'],
  ['B79', 'unsure'],
  ['CW3', 'unsure'],
  ['TF9', 'unsure'],
  ['DE15', 'unsure'],
  ['ST3', 'unsure'],
  ['ST4 8AA', 'unsure'],
  ['ST6', 'unsure'],
  ['ST1 1AA', 'not-covered'],
  ['ST2', 'unsure'],
  ['WV1 1AA', 'not-covered'],
  ['WS1', 'not-covered'],
  ['DE1', 'not-covered'],
  ['M1 1AA', 'unsure'],
  ['ZZ99', 'unsure'],
];

function outcome(query: string): Expect {
  const a = lookupHub(table, query);
  return a.kind === 'found' ? (a.hub.phone as Expect) : a.kind;
}

describe('the Staffordshire Hub table', () => {
  it('has the shape the lookup relies on', () => {
    expect(validateAreaTable(table)).toEqual([]);
  });

  it('names the field that is wrong', () => {
    const broken = structuredClone(table) as unknown as {
      places: { at: { authority?: string }[]; source?: string }[];
      hubs: { phone: string }[];
    };
    broken.places[0]!.at[0]!.authority = 'atlantis';
    broken.places[1]!.source = 'hearsay';
    broken.hubs[0]!.phone = 'ring me';
    const problems = validateAreaTable(broken);
    expect(problems.some((p) => /^places\[0\] ".*"\.at\[0\]\.authority/.test(p))).toBe(true);
    expect(problems.some((p) => /^places\[1\] ".*"\.source/.test(p))).toBe(true);
    expect(problems.some((p) => p.startsWith('hubs[0].phone'))).toBe(true);
  });

  it('has the two Hub numbers', () => {
    expect(table.hubs.map((h) => [h.name, h.phone])).toEqual([
      ['West Hub', WEST],
      ['East Hub', EAST],
    ]);
  });
});

describe('lookupHub', () => {
  it(`is tested with at least 80 queries (${CASES.length})`, () => expect(CASES.length).toBeGreaterThanOrEqual(80));
  it.each(CASES)('%j → %s', (query, expected) => {
    expect(outcome(query)).toBe(expected);
  });

  it('offers the nearest names for a misspelling, and no number', () => {
    const a = lookupHub(table, 'Lichfeild');
    expect(a.kind).toBe('unsure');
    if (a.kind === 'unsure') expect(a.candidates).toContain('Lichfield');
  });

  it('lists the candidate Hubs for a postcode district that crosses a line', () => {
    const a = lookupHub(table, 'ST10');
    expect(a.kind === 'unsure' && a.hubs.map((h) => h.id).sort()).toEqual(['east', 'west']);
  });

  it('says which locality matched', () => {
    expect(lookupHub(table, 'Wombourne')).toMatchObject({ kind: 'found', locality: 'Seisdon', matched: 'Wombourne' });
    expect(lookupHub(table, 'st136aa')).toMatchObject({ kind: 'found', matched: 'ST13 6AA', locality: 'Staffordshire Moorlands' });
  });
});

describe('hubForHome', () => {
  const home = (address: string | null, postcode: string | null) => {
    const a = hubForHome(table, { address, postcode });
    return a.kind === 'found' ? a.hub.phone : a.kind;
  };
  it('uses the postcode when it is enough', () => expect(home('1 Church Street', 'ST13 5AA')).toBe(WEST));
  it('settles an ambiguous district with the village', () => expect(home('2 Mill Lane, Alton, Stoke-on-Trent', 'ST10 4AA')).toBe(WEST));
  it('settles WV8 with Codsall despite the Wolverhampton postal town', () =>
    expect(home('3 Elm Close, Codsall, Wolverhampton', 'WV8 1AA')).toBe(WEST));
  it('decides by the village, not the postal town Stoke-on-Trent', () =>
    expect(home('4 Oak Road, Alton, Stoke-on-Trent', null)).toBe(WEST));
  it('is unsure of a Cheadle with no postcode: there is another in Stockport', () =>
    expect(home('4 Oak Road, Cheadle, Stoke-on-Trent', null)).toBe('unsure'));
  it('is unsure when the postcode and the town disagree', () => expect(home('5 High Street, Leek', 'WS11 1AA')).toBe('unsure'));
  it('is unsure when the town is not among a district candidates', () => expect(home('Uttoxeter', 'WV8 1AA')).toBe('unsure'));
  it('does not read a street name as a town', () => expect(home('12 Stafford Road, Cannock', 'WS11 1AA')).toBe(EAST));
  it('reads "Norton Canes" as one name', () => expect(home('6 Hill Street, Norton Canes', null)).toBe(EAST));
  it('answers not covered for a Stoke postcode and address', () =>
    expect(home('7 Stoke Road, Hanley, Stoke-on-Trent', 'ST1 1AA')).toBe('not-covered'));
  it('is unsure for a Stoke postcode with a Staffordshire town', () => expect(home('Leek', 'ST1 1AA')).toBe('unsure'));
  it('places a village by its former NHS area, with its postcode', () =>
    expect(home('8 Church Street, Cheslyn Hay, Walsall', 'WS6 7AA')).toBe(EAST));
  it('uses the town when the postcode district is not in the table', () => expect(home('Werrington', 'ST9 0AA')).toBe(WEST));
  it('never lets a town overrule a postcode from another area (Cheadle, Stockport)', () =>
    expect(home('1 Oak Road, Cheadle', 'SK8 1AA')).toBe('not-covered'));
  it('finds a postcode typed in the address', () => expect(home('9 Park Lane, Stone ST15 8AA', null)).toBe(WEST));
  it('is unsure with nothing to go on', () => {
    expect(home(null, null)).toBe('unsure');
    expect(home('10 Somewhere Street', null)).toBe('unsure');
  });
});

describe('normalising what people type', () => {
  it('makes spellings comparable', () => {
    expect(placeKey('Newcastle-u-Lyme')).toBe(placeKey('newcastle under lyme'));
    expect(placeKey('Burton upon Trent')).toBe(placeKey('Burton-on-Trent'));
  });
  it('reads postcodes in any spacing', () => {
    expect(parsePostcode('st52aa')).toEqual({ outcode: 'ST5', sector: 'ST5 2', full: 'ST5 2AA' });
    expect(parsePostcode('ST10 4')).toEqual({ outcode: 'ST10', sector: 'ST10 4', full: null });
    expect(parsePostcode('ws11')).toEqual({ outcode: 'WS11', sector: null, full: null });
    expect(parsePostcode('Leek')).toBeNull();
  });
  it('measures edit distance', () => {
    expect(editDistance('leeek', 'leek')).toBe(1);
    expect(editDistance('lichfeild', 'lichfield')).toBe(2);
  });
});
