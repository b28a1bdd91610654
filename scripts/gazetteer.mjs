// Builds templates/areas/staffordshire.json from the source extracts in data/sources/, so every
// answer the Hub lookup gives can be traced to a row a reviewer can read.
//   node scripts/gazetteer.mjs           write the table
//   node scripts/gazetteer.mjs --check   fail (exit 1) when the table and its sources disagree
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = path.join(root, 'data', 'sources');
const OUT = path.join(root, 'templates', 'areas', 'staffordshire.json');
const CHECKED = '2026-11-29';

const read = (file) =>
  parse(fs.readFileSync(path.join(SOURCES, file), 'utf8'), { columns: true, comment: '#', skip_empty_lines: true, trim: true });
const list = (cell) =>
  cell
    ? cell
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
// The lookup's placeKey (src/domain/hub-text.ts), which this script cannot import: it runs in
// lint, before the build. test/unit/hub-gazetteer.test.ts holds the two equal.
export const key = (text) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((w) => (w === 'upon' ? 'on' : w === 'u' ? 'under' : w))
    .join(' ');

const SOURCE_TEXT = {
  service:
    'Staffordshire County Council Health and Wellbeing (0-19) service: the two Hubs, their numbers and localities (project design, Hubs section)',
  reference:
    "The project's gathered Hub facts (Staffordshire localities): ONS district codes, the old NHS localities, South Staffordshire village by village, postcode districts that cross a line",
  design: "The project's design, Hubs section: Stoke-on-Trent has its own health visiting service",
  owners:
    'Facts the project owners checked against public sources when the lookup was found wrong (Blythe Bridge, Tittensor, Madeley TF7, Newport TF10, Cheadle SK8)',
  'ons-parishes':
    'ONS Parish to Ward to Local Authority District (December 2019) Lookup in England and Wales, Open Government Licence v3.0 (data/sources/ons-parishes-2019.csv)',
  ons: 'ONS local authority district names (LAD19NM)',
  'wikipedia-st': 'Wikipedia, "ST postcode area", coverage table (CC BY-SA 4.0; drawn from the ONS Postcode Directory)',
  'wikipedia-ws': 'Wikipedia, "WS postcode area", coverage table (CC BY-SA 4.0)',
  'wikipedia-wv': 'Wikipedia, "WV postcode area", coverage table (CC BY-SA 4.0)',
  'wikipedia-cw': 'Wikipedia, "CW postcode area", coverage table (CC BY-SA 4.0)',
  'wikipedia-de': 'Wikipedia, "DE postcode area", coverage table (CC BY-SA 4.0)',
  'wikipedia-dy': 'Wikipedia, "DY postcode area", coverage table (CC BY-SA 4.0)',
  'wikipedia-sk':
    'Wikipedia, "SK postcode area", coverage table (CC BY-SA 4.0; the SK17 row as noted in data/sources/postcode-districts.csv)',
  codepoint:
    'OS Code-Point Open 2014.3.0 (August 2014), the district of every postcode, counted by sector (Open Government Licence; data/sources/postcode-sectors.csv)',
  'ons-ccg':
    'ONS LSOA (2011) to Clinical Commissioning Group (April 2019) and LSOA to Ward (2017) lookups: the former NHS area of each South Staffordshire ward (Open Government Licence; data/sources/ons-ccg-south-staffordshire-2019.csv)',
};

const HUBS = [
  { id: 'west', name: 'West Hub', phone: '0300 303 3923' },
  { id: 'east', name: 'East Hub', phone: '0300 303 3924' },
];
const LOCALITIES = [
  ['moorlands', 'Staffordshire Moorlands', 'west'],
  ['newcastle', 'Newcastle-under-Lyme', 'west'],
  ['stafford', 'Stafford and surrounds', 'west'],
  ['seisdon', 'Seisdon', 'west'],
  ['east-staffs', 'East Staffordshire', 'east'],
  ['tamworth', 'Tamworth', 'east'],
  ['lichfield', 'Lichfield', 'east'],
  ['cannock', 'Cannock', 'east'],
];
// The Hubs' areas are the former NHS localities: within South Staffordshire the South East
// Staffordshire and Seisdon Peninsula CCG's part is the Seisdon peninsula, and the other two CCGs
// are the Stafford and surrounds and Cannock localities.
const CCG_LOCALITY = { '05Q': 'seisdon', '05V': 'stafford', '04Y': 'cannock' };
// Parish names joined by "and" name two villages, except where a part is no place name on its own.
const NOT_A_PLACE = new Set(['chapel']);

export function build() {
  const problems = [];
  const authorities = read('authorities.csv');
  const byAuthority = new Map(authorities.map((a) => [a.authority, a]));
  const parishes = read('ons-parishes-2019.csv');
  const parishByName = new Map(parishes.map((p) => [p.parish, p]));
  const southStaffs = new Map(read('south-staffordshire-localities.csv').map((r) => [r.parish, r]));
  const postcodes = read('postcode-districts.csv');
  const localityIds = new Set(LOCALITIES.map((l) => l[0]));
  const sorted = (ids) => [...new Set(ids)].sort();

  // A South Staffordshire ward's localities are those of the former NHS areas it lies in; a
  // parish's are those of its wards, and the village table must agree with them.
  const wardLocalities = new Map();
  for (const r of read('ons-ccg-south-staffordshire-2019.csv')) {
    const id = CCG_LOCALITY[r.ccg];
    if (!id) problems.push(`ons-ccg-south-staffordshire-2019.csv: ${r.lsoa}: no locality for the NHS area ${r.ccg} ${r.ccg_name}`);
    else wardLocalities.set(r.ward, sorted([...(wardLocalities.get(r.ward) ?? []), id]));
  }
  const localitiesOfWards = (wards, where) => {
    const ids = [];
    for (const ward of wards) {
      if (wardLocalities.has(ward)) ids.push(...wardLocalities.get(ward));
      else problems.push(`${where}: ward ${ward} is not in ons-ccg-south-staffordshire-2019.csv`);
    }
    return sorted(ids);
  };

  for (const p of parishes)
    if (!byAuthority.has(p.district)) problems.push(`ons-parishes-2019.csv: ${p.parish}: district ${p.district} is not in authorities.csv`);
  for (const r of southStaffs.values()) {
    const p = parishByName.get(r.parish);
    if (!p || p.district !== 'South Staffordshire')
      problems.push(`south-staffordshire-localities.csv: ${r.parish} is not a South Staffordshire parish in ons-parishes-2019.csv`);
    for (const id of list(r.localities))
      if (!localityIds.has(id)) problems.push(`south-staffordshire-localities.csv: ${r.parish}: unknown locality ${id}`);
    const fromWards = p ? localitiesOfWards(list(p.wards), `ons-parishes-2019.csv: ${p.parish}`) : [];
    if (r.localities && sorted(list(r.localities)).join('; ') !== fromWards.join('; '))
      problems.push(
        `south-staffordshire-localities.csv: ${r.parish} is placed in ${r.localities}, but its wards' former NHS areas are ${fromWards.join('; ')}`,
      );
  }

  /** Where a place in a parish or an authority is, as the lookup reads it. */
  const spot = (authority, parish) => {
    const a = byAuthority.get(authority);
    if (!a) {
      problems.push(`no authority ${authority} in authorities.csv`);
      return { authority };
    }
    if (a.locality) return { authority, localities: [a.locality] };
    if (a.contact) return { authority };
    const row = parish ? southStaffs.get(parish) : undefined;
    if (row?.localities) return { authority, localities: list(row.localities), ...(parish ? { parish } : {}) };
    return {
      authority,
      ...(parish ? { parish } : {}),
      unsure: row?.unsure || `its Hub locality within ${authority} is not settled by any source`,
    };
  };

  const places = new Map();
  const add = (name, at, source, extra = {}) => {
    const k = key(name);
    const place = places.get(k) ?? { name, at: [], sources: new Set() };
    if (!place.at.some((x) => JSON.stringify(x) === JSON.stringify(at))) place.at.push(at);
    place.sources.add(source);
    Object.assign(place, extra);
    places.set(k, place);
  };

  for (const p of parishes) {
    const at = spot(p.district, p.parish);
    const placedBy = southStaffs.get(p.parish)?.localities ? southStaffs.get(p.parish).source : null;
    add(p.parish, at, placedBy ? `ons-parishes; ${placedBy}` : 'ons-parishes');
    const parts = p.parish.split(/,\s*|\s+and\s+/).map((s) => s.trim());
    if (parts.length > 1 && parts.every((s) => s.length >= 4 && !NOT_A_PLACE.has(s.toLowerCase())))
      for (const part of parts) add(part, at, 'ons-parishes');
  }
  for (const s of read('settlements.csv')) {
    if (s.parish && !parishByName.has(s.parish))
      problems.push(`settlements.csv: ${s.name}: no parish ${s.parish} in ons-parishes-2019.csv`);
    const parish = parishByName.get(s.parish);
    const at = s.unsure && !s.authority && !parish ? { unsure: s.unsure } : spot(parish?.district ?? s.authority, parish?.parish);
    add(s.name, at, s.source);
    if (s.elsewhere_postcodes) {
      const place = places.get(key(s.name));
      for (const code of list(s.elsewhere_postcodes)) {
        const row = postcodes.find((r) => r.outcode === code);
        if (!row) problems.push(`settlements.csv: ${s.name}: no postcode district ${code} in postcode-districts.csv`);
        else
          for (const authority of list(row.authorities)) place.elsewhere = [...(place.elsewhere ?? []), { authority, postcodes: [code] }];
      }
    }
  }
  for (const o of read('outside-places.csv')) {
    if (!byAuthority.get(o.authority)?.contact)
      problems.push(`outside-places.csv: ${o.name}: ${o.authority} has no contact in authorities.csv`);
    add(o.name, { authority: o.authority }, o.source);
  }

  // A place named in a postcode district's coverage is in one of that district's authorities: a
  // place the other sources know must agree, and one they do not know gets those as candidates.
  const postTowns = new Set(postcodes.map((r) => key(r.post_town)));
  for (const row of postcodes) {
    const authoritiesHere = list(row.authorities);
    for (const a of authoritiesHere)
      if (!byAuthority.has(a)) problems.push(`postcode-districts.csv: ${row.outcode}: no authority ${a} in authorities.csv`);
    for (const id of list(row.south_staffordshire))
      if (!localityIds.has(id)) problems.push(`postcode-districts.csv: ${row.outcode}: unknown locality ${id}`);
    for (const raw of row.coverage.split(',')) {
      const name = raw.replace(/\(.*?\)/g, '').trim();
      if (!name || /\b(centre|district|villages|boxes)\b/i.test(name)) continue;
      const known = places.get(key(name));
      if (known) {
        const inside = known.at.filter((x) => x.authority).map((x) => x.authority);
        const disagree =
          inside.length > 0 &&
          !inside.some((a) => authoritiesHere.includes(a)) &&
          !(known.elsewhere ?? []).some((e) => authoritiesHere.includes(e.authority));
        if (disagree)
          problems.push(
            `postcode-districts.csv: ${row.outcode} names ${name}, which the other sources put in ${inside.join(' or ')}, not in ${authoritiesHere.join(', ')}`,
          );
        continue;
      }
      for (const a of authoritiesHere) add(name, spot(a), row.source.split(';')[0].trim());
    }
  }

  const placeList = [...places.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((p) => ({
      name: p.name,
      at: p.at,
      ...(p.elsewhere ? { elsewhere: p.elsewhere } : {}),
      ...(postTowns.has(key(p.name)) ? { postTown: true } : {}),
      source: [...p.sources].sort().join('; '),
    }));
  const postcodeList = [];
  const sectorsOf = postcodeSectors(authorities, postcodes, localitiesOfWards, problems);
  for (const r of postcodes) {
    const district = {
      code: r.outcode,
      authorities: list(r.authorities),
      ...(r.south_staffordshire ? { splitLocalities: list(r.south_staffordshire) } : {}),
      postTown: r.post_town,
      source: r.source,
    };
    postcodeList.push(district);
    for (const sector of sectorsOf.get(r.outcode) ?? []) {
      for (const a of sector.authorities)
        if (!district.authorities.includes(a))
          problems.push(
            `postcode-districts.csv: ${r.outcode} does not list ${a}, where postcode-sectors.csv has postcodes of ${sector.code}`,
          );
      const splitHere = sector.splitLocalities ?? [];
      if (district.splitLocalities && !splitHere.every((id) => district.splitLocalities.includes(id)))
        problems.push(
          `postcode-districts.csv: ${r.outcode} places its South Staffordshire part in ${r.south_staffordshire}, but ${sector.code} reaches ${splitHere.join('; ')}`,
        );
      // A sector of a district with one authority says no more than the district; in any other
      // the sector is named, so an unsure answer says which sector is split.
      const same =
        district.authorities.length === 1 &&
        sector.authorities.join() === district.authorities.join() &&
        (sector.splitLocalities ?? []).join() === (district.splitLocalities ?? []).join();
      if (!same) postcodeList.push(sector);
    }
  }
  const usedSources = new Set(['service', 'reference', 'design', 'ons', 'ons-parishes']);
  for (const e of [...placeList, ...postcodeList, ...authorities]) for (const s of list(e.source)) usedSources.add(s);
  for (const s of usedSources) if (!SOURCE_TEXT[s]) problems.push(`source ${s} has no description`);

  const table = {
    area: 'staffordshire',
    title: 'Staffordshire County',
    about:
      'Generated by scripts/gazetteer.mjs from data/sources/: do not edit by hand. Which Health and Wellbeing (0-19) Hub covers a home: place -> authority (and in South Staffordshire the village) -> locality -> Hub.',
    checked: CHECKED,
    sharingNote: 'The Hub can share information about a child only once the 0–19 service has seen the child.',
    sources: Object.fromEntries([...usedSources].sort().map((s) => [s, SOURCE_TEXT[s]])),
    postcodeAreas: [...new Set(postcodeList.map((p) => /^[A-Z]+/.exec(p.code)[0]))].sort(),
    hubs: HUBS.map((h) => ({ ...h, source: 'service', checked: CHECKED })),
    localities: LOCALITIES.map(([id, name, hub]) => ({ id, name, hub, source: 'service', checked: CHECKED })),
    authorities: authorities.map((a) => ({
      name: a.authority,
      ...(a.locality ? { locality: a.locality } : {}),
      ...(a.contact ? { contact: a.contact } : {}),
      source: a.source,
    })),
    places: placeList,
    postcodes: postcodeList,
  };
  return { table, problems };
}

/**
 * The postcode sectors of the districts in the table, each with the authorities its postcodes lie
 * in (in the order of the district row) and, for a South Staffordshire part, the localities of its wards.
 */
function postcodeSectors(authorities, postcodes, localitiesOfWards, problems) {
  const byCode = new Map(authorities.filter((a) => a.code).map((a) => [a.code, a.authority]));
  const districts = new Map(postcodes.map((r) => [r.outcode, r]));
  const sectors = new Map();
  for (const r of read('postcode-sectors.csv')) {
    const where = `postcode-sectors.csv: ${r.sector}`;
    const authority = byCode.get(r.district_code);
    const outcode = r.sector.split(' ')[0];
    if (!authority) problems.push(`${where}: no authority with the code ${r.district_code} in authorities.csv`);
    if (!districts.has(outcode)) problems.push(`${where}: no district ${outcode} in postcode-districts.csv`);
    if (!/^[1-9]\d*$/.test(r.postcodes)) problems.push(`${where}: postcodes must be a count, not ${r.postcodes}`);
    if (!authority || !districts.has(outcode)) continue;
    const s = sectors.get(r.sector) ?? { outcode, authorities: new Set(), wards: new Set() };
    s.authorities.add(authority);
    if (authority === 'South Staffordshire') {
      if (!r.ward) problems.push(`${where}: a South Staffordshire row names no ward`);
      else s.wards.add(r.ward);
    } else if (r.ward) problems.push(`${where}: a ward is given outside South Staffordshire`);
    sectors.set(r.sector, s);
  }
  const byDistrict = new Map();
  for (const [code, s] of sectors) {
    const order = list(districts.get(s.outcode).authorities);
    const rank = (a) => (order.includes(a) ? order.indexOf(a) : order.length);
    const entry = {
      code,
      authorities: [...s.authorities].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)),
      ...(s.wards.size > 0 ? { splitLocalities: localitiesOfWards([...s.wards], `postcode-sectors.csv: ${code}`) } : {}),
      source: s.wards.size > 0 ? 'codepoint; ons-ccg' : 'codepoint',
    };
    byDistrict.set(s.outcode, [...(byDistrict.get(s.outcode) ?? []), entry]);
  }
  return byDistrict;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { table, problems } = build();
  for (const p of problems) console.error(`gazetteer: ${p}`);
  const text = `${JSON.stringify(table)}\n`;
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
    if (current !== text)
      console.error(`gazetteer: ${path.relative(root, OUT)} does not match data/sources/: run node scripts/gazetteer.mjs`);
    process.exitCode = problems.length > 0 || current !== text ? 1 : 0;
  } else if (problems.length > 0) {
    process.exitCode = 1;
  } else {
    fs.writeFileSync(OUT, text);
    console.error(
      `gazetteer: wrote ${path.relative(root, OUT)}: ${table.places.length} places, ${table.postcodes.length} postcode districts and sectors`,
    );
  }
}
