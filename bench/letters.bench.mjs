// Parent letters: the real command (`twocheck letters`, separate files and one merged file)
// beside bare pdfkit drawing the same text with the same font (the floor).
// Run after a build: node bench/letters.bench.mjs   (BENCH_LETTERS=200 for a quick look; default 1000, as issue #6 asks)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.env.BENCH_LETTERS || 1000);
const TODAY = '2026-11-23';

function children(n) {
  const firsts = ['Zoë', 'Łucja', 'Ştefan', 'Ольга', 'Αλέξανδρος', 'Mai', 'Oliver', 'Amelia'];
  return Array.from({ length: n }, (_, i) => ({
    ref: `R${String(i).padStart(5, '0')}`, first: firsts[i % firsts.length], last: `Wiśniewska${i}`,
    dob: `2024-11-${String(1 + (i % 20)).padStart(2, '0')}`, address: `${i} Mill Lane, Leek`, postcode: 'ST13 6BB',
    parent: `Nguyễn Thị Mai ${i}`,
  }));
}

/** The floor: pdfkit, the same font, the same filled text, one document per letter or one in all. */
async function floor(dir, merged) {
  const { default: PDFDocument } = await import('pdfkit');
  const { FONTS } = await import(path.join(ROOT, 'dist/documents/pdf.js'));
  const { fillTemplate } = await import(path.join(ROOT, 'dist/documents/template.js'));
  const { loadTemplate } = await import(path.join(ROOT, 'dist/documents/template-files.js'));
  const { letterFields } = await import(path.join(ROOT, 'dist/documents/fields.js'));
  const setting = { name: 'Little Acorns Nursery', address: '1 Church Street, Leek', postcode: 'ST13 5AA', phone: '01538 000111', manager: 'Jo Bloggs', email: null, urn: null, area: 'staffordshire', logo: null };
  const template = loadTemplate('parent-letter', null, { TWOCHECK_CONFIG_DIR: dir });
  const open = () => {
    const doc = new PDFDocument({ size: 'A4', margin: 56 });
    doc.registerFont('regular', FONTS.regular);
    doc.registerFont('bold', FONTS.bold);
    return doc;
  };
  const end = (doc, file) => new Promise((done) => {
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => { fs.writeFileSync(file, Buffer.concat(chunks)); done(); });
    doc.end();
  });
  let doc = merged ? open() : null;
  for (const [i, c] of children(N).entries()) {
    const child = { ...c, id: i, firstName: c.first, lastName: c.last, parentName: c.parent, parent2Name: null, keyPerson: null, language: null, funded: null };
    const filled = fillTemplate(template, letterFields(setting, child, null, TODAY));
    if (!merged) doc = open(); else if (i > 0) doc.addPage();
    doc.font('bold').text(setting.name).font('regular').text(`${setting.address} ${setting.postcode}`).text(child.parentName).text(TODAY);
    for (const b of filled.blocks) doc.font(b.type === 'heading' ? 'bold' : 'regular').text(b.runs.map((r) => r.text).join(''));
    if (!merged) await end(doc, path.join(dir, `${c.ref}.pdf`));
  }
  if (merged) await end(doc, path.join(dir, 'all.pdf'));
}

/** The real command, once; GNU time (where present) gives its peak memory. */
function ours(dir, merged) {
  const env = { ...process.env, TWOCHECK_DB: path.join(dir, 'db.sqlite'), TWOCHECK_CONFIG_DIR: path.join(dir, 'config'), SOURCE_DATE_EPOCH: '1795000000' };
  const args = [path.join(ROOT, 'bin/twocheck.js'), '--today', TODAY, '-q', 'letters', ...(merged ? ['--merged', 'all.pdf'] : ['--out', 'out'])];
  const gnuTime = fs.existsSync('/usr/bin/time');
  const started = performance.now();
  const run = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', 'peak-kb %M', process.execPath, ...args], { cwd: dir, env, encoding: 'utf8' })
    : spawnSync(process.execPath, args, { cwd: dir, env, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(run.stderr);
  const peak = /peak-kb (\d+)/.exec(run.stderr);
  return { ms, rssMb: peak ? Number(peak[1]) / 1024 : null };
}

async function prepare(dir) {
  const env = { ...process.env, TWOCHECK_DB: path.join(dir, 'db.sqlite') };
  spawnSync(process.execPath, [path.join(ROOT, 'bin/twocheck.js'), 'setup', '--name', 'Little Acorns Nursery', '--address', '1 Church Street, Leek', '--postcode', 'ST13 5AA', '--phone', '01538 000111', '--manager', 'Jo Bloggs'], { env });
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path.join(dir, 'db.sqlite'));
  const insert = db.prepare(`INSERT INTO children (ref, first_name, last_name, dob, address, postcode, parent_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'x', 'x')`);
  db.transaction(() => { for (const c of children(N)) insert.run(c.ref, c.first, c.last, c.dob, c.address, c.postcode, c.parent); })();
  db.close();
}

const mode = process.argv[2];
if (mode === 'floor' || mode === 'floor-merged') {
  const started = performance.now();
  await floor(process.argv[3], mode === 'floor-merged');
  process.stdout.write(JSON.stringify({ ms: performance.now() - started, rssMb: process.resourceUsage().maxRSS / 1024 }));
} else {
  const rows = [];
  for (const merged of [false, true]) {
    const f = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-floor-'));
    // Timed from outside, start-up included, as the command is.
    const floorStarted = performance.now();
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), merged ? 'floor-merged' : 'floor', f], { encoding: 'utf8' });
    const floorMs = performance.now() - floorStarted;
    if (child.status !== 0) throw new Error(child.stderr);
    const fl = JSON.parse(child.stdout);
    const o = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ours-'));
    await prepare(o);
    // Peak memory of the command itself: GNU time where present, else unreported.
    const { ms, rssMb: rss } = ours(o, merged);
    rows.push({ what: merged ? 'one merged file' : 'separate files', ours: ms, floor: floorMs, oursRss: rss, floorRss: fl.rssMb });
    fs.rmSync(f, { recursive: true, force: true });
    fs.rmSync(o, { recursive: true, force: true });
  }
  console.log(`${N} parent letters (twocheck letters, whole command incl. start-up and recording) vs bare pdfkit, same font and text`);
  for (const r of rows) {
    const rss = r.oursRss === null ? 'n/a' : `${r.oursRss.toFixed(0)} MB`;
    console.log(`${r.what.padEnd(16)} twocheck ${(r.ours / 1000).toFixed(1)} s, peak ${rss} | pdfkit ${(r.floor / 1000).toFixed(1)} s, peak ${r.floorRss.toFixed(0)} MB | ${(r.ours / r.floor).toFixed(2)}x time`);
  }
}
