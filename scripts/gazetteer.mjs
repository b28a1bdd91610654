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
const key = (text) =>
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

  for (const p of parishes)
    if (!byAuthority.has(p.district)) problems.push(`ons-parishes-2019.csv: ${p.parish}: district ${p.district} is not in authorities.csv`);
  for (const r of southStaffs.values()) {
    const p = parishByName.get(r.parish);
    if (!p || p.district !== 'South Staffordshire')
      problems.push(`south-staffordshire-localities.csv: ${r.parish} is not a South Staffordshire parish in ons-parishes-2019.csv`);
    for (const id of list(r.localities))
      if (!localityIds.has(id)) problems.push(`south-staffordshire-localities.csv: ${r.parish}: unknown locality ${id}`);
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
    add(p.parish, at, 'ons-parishes');
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
  const postcodeList = postcodes.map((r) => ({
    code: r.outcode,
    authorities: list(r.authorities),
    ...(r.south_staffordshire ? { splitLocalities: list(r.south_staffordshire) } : {}),
    postTown: r.post_town,
    source: r.source,
  }));
  const usedSources = new Set(['service', 'reference', 'design', 'ons', 'ons-parishes']);
  for (const e of [...placeList, ...postcodeList]) for (const s of list(e.source)) usedSources.add(s);
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
      `gazetteer: wrote ${path.relative(root, OUT)}: ${table.places.length} places, ${table.postcodes.length} postcode districts`,
    );
  }
}
