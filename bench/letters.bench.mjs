// Parent letters: the real command (`twocheck letters`, separate files and one merged file)
// beside bare pdfkit drawing the same page with the same fonts (the floor; see floor() below).
// Run after a build: node bench/letters.bench.mjs   (BENCH_LETTERS=200 for a quick look; default 1000, a large setting's year;
// BENCH_ONLY=merged or separate for one of the two; BENCH_REPEAT=5 for the median of 5 on a busy machine)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SETUP } from './setting.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.env.BENCH_LETTERS || 1000);
const TODAY = '2026-11-23';

function children(n) {
  const firsts = ['Zoë', 'Łucja', 'Ştefan', 'Ольга', 'Αλέξανδρος', 'Mai', 'Oliver', 'Amelia'];
  return Array.from({ length: n }, (_, i) => ({
    ref: `R${String(i).padStart(5, '0')}`,
    first: firsts[i % firsts.length],
    last: `Wiśniewska${i}`,
    dob: `2024-11-${String(1 + (i % 20)).padStart(2, '0')}`,
    address: `${i} Mill Lane, Leek`,
    postcode: 'ST13 6BB',
    parent: `Nguyễn Thị Mai ${i}`,
  }));
}

/**
 * The floor: bare pdfkit drawing the SAME page as the command, in the simplest pdfkit code: the
 * letterhead (name in bold, the address line, the phone, a rule), the parents' name and
 * address, the date on the right, the filled template with its headings, bullets and bold runs
 * (a paragraph that mixes bold and regular is `continued` text, the plain pdfkit way), and the
 * sign-off, in the same fonts, sizes and colours. Page 1 renders pixel for pixel like the
 * command's page 1: a floor that drew less than a letter (plain text in one font, say) would
 * not be the same page, and the ratio against it would overstate our overhead. Left out on purpose is
 * what the command adds around pdfkit: start-up, the database, choosing the children, the Hub
 * lookup (the bench's children share one postcode, so the floor asks once), the glyph check,
 * writing files whole (fsync and rename) and recording each letter. The floor keeps pdfkit's
 * defaults, so it also parses Helvetica's metrics for every document, which the command does
 * not (createPdf passes font: ''): about 8 ms of each separate file.
 */
async function floor(dir, merged) {
  const { default: PDFDocument } = await import('pdfkit');
  const { FONTS } = await import(path.join(ROOT, 'dist/documents/pdf.js'));
  const { fillTemplate } = await import(path.join(ROOT, 'dist/documents/template.js'));
  const { loadTemplate } = await import(path.join(ROOT, 'dist/documents/template-files.js'));
  const { letterFields, recipientOf, splitAddress } = await import(path.join(ROOT, 'dist/documents/fields.js'));
  const { formatLongDate } = await import(path.join(ROOT, 'dist/domain/calendar.js'));
  const { hubForHome } = await import(path.join(ROOT, 'dist/domain/hub.js'));
  const { loadArea } = await import(path.join(ROOT, 'dist/store/areas.js'));
  const setting = {
    name: 'Little Acorns Nursery',
    address: '1 Church Street, Leek',
    postcode: 'ST13 5AA',
    phone: '01538 000111',
    manager: 'Jo Bloggs',
    email: null,
    urn: null,
    area: 'staffordshire',
    logo: null,
  };
  const template = loadTemplate('parent-letter', null, { TWOCHECK_CONFIG_DIR: dir });
  const all = children(N);
  const hub = hubForHome(loadArea(setting.area), { address: all[0].address, postcode: all[0].postcode });
  const [INK, SOFT, ACCENT, M] = ['#1a1a1a', '#555555', '#2f5d62', 56];
  const date = formatLongDate(TODAY);
  const letterhead = [...splitAddress(setting.address), setting.postcode].join(' · ');
  // The letters are tagged PDFs (for screen readers), so the floor tags the same page the
  // plain pdfkit way: a Document, a section per letter, a heading, paragraph or list item per
  // block, the rule as an artifact. Without it the floor would be a different document.
  let root;
  let parent;
  const open = () => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: M,
      lang: 'en-GB',
      tagged: true,
      pdfVersion: '1.7',
      displayTitle: true,
      info: { Title: template.title },
    });
    doc.registerFont('regular', FONTS.regular);
    doc.registerFont('bold', FONTS.bold);
    root = doc.struct('Document');
    doc.addStructure(root);
    return doc;
  };
  const el = (doc, type, draw) => parent.add(doc.struct(type, draw));
  const group = (doc, type, draw) => {
    const outer = parent;
    const element = doc.struct(type);
    outer.add(element);
    parent = element;
    draw();
    element.end();
    parent = outer;
  };
  const end = (doc, file) =>
    new Promise((done) => {
      root.end();
      const chunks = [];
      doc.on('data', (c) => chunks.push(c));
      doc.on('end', () => {
        fs.writeFileSync(file, Buffer.concat(chunks));
        done();
      });
      doc.end();
    });
  const runs = (doc, list, x, width, allBold) => {
    if (list.length === 0) doc.text(' ', x, doc.y, { width });
    list.forEach((r, i) => {
      const options = { width, continued: i < list.length - 1, lineGap: 2 };
      doc.font(allBold || r.bold ? 'bold' : 'regular');
      if (i === 0) doc.text(r.text, x, doc.y, options);
      else doc.text(r.text, options);
    });
    doc.font('regular');
  };
  let doc = merged ? open() : null;
  for (const [i, c] of all.entries()) {
    const child = {
      ...c,
      id: i,
      firstName: c.first,
      lastName: c.last,
      parentName: c.parent,
      parent2Name: null,
      keyPerson: null,
      language: null,
      funded: null,
    };
    const filled = fillTemplate(template, letterFields(setting, child, hub, TODAY));
    const to = recipientOf(child);
    if (!merged) doc = open();
    else if (i > 0) doc.addPage();
    parent = root;
    const width = doc.page.width - 2 * M;
    group(doc, 'Sect', () => {
      el(doc, 'P', () => doc.fillColor(ACCENT).font('bold').fontSize(17).text(setting.name, M, M, { width }));
      el(doc, 'P', () =>
        doc.fillColor(SOFT).font('regular').fontSize(9).moveDown(0.2).text(letterhead, { width }).text(`Phone ${setting.phone}`, { width }),
      );
      const ruleY = doc.y + 8;
      doc.markContent('Artifact', { type: 'Layout' });
      doc
        .moveTo(M, ruleY)
        .lineTo(M + width, ruleY)
        .lineWidth(1)
        .strokeColor(ACCENT)
        .stroke();
      doc.endMarkedContent();
      doc.fillColor(INK).font('regular').fontSize(10.5);
      el(doc, 'P', () => {
        doc.text(to.name, M, ruleY + 22, { width: width / 2 });
        for (const line of to.lines) doc.text(line, { width: width / 2 });
      });
      const below = doc.y;
      el(doc, 'P', () => doc.text(date, M + width / 2, ruleY + 22, { width: width / 2, align: 'right' }));
      doc.text('', M, Math.max(doc.y, below) + 24);
      let list = null;
      filled.blocks.forEach((b, j) => {
        if (b.type !== 'bullet' && list) {
          list.end();
          parent = list.outer;
          list = null;
        }
        if (b.type === 'heading') {
          el(doc, 'H1', () => {
            doc.moveDown(0.4).fillColor(ACCENT).fontSize(12.5);
            runs(doc, b.runs, M, width, true);
          });
          doc.fillColor(INK).moveDown(0.25);
        } else if (b.type === 'bullet') {
          if (!list) {
            list = doc.struct('L');
            parent.add(list);
            list.outer = parent;
            parent = list;
          }
          doc.fontSize(10.5).fillColor(INK);
          const y = doc.y;
          group(doc, 'LI', () => {
            el(doc, 'Lbl', () => doc.font('regular').text('•', M + 6, y, { lineBreak: false }));
            doc.text('', M + 20, y);
            el(doc, 'LBody', () => runs(doc, b.runs, M + 20, width - 20, false));
          });
          doc.moveDown(0.2);
        } else {
          doc.fontSize(10.5).fillColor(INK);
          if (filled.blocks[j - 1]?.type === 'bullet') doc.moveDown(0.4);
          el(doc, 'P', () => runs(doc, b.runs, M, width, false));
          doc.moveDown(0.6);
        }
      });
      if (list) {
        list.end();
        parent = list.outer;
      }
      doc.moveDown(2.2).fontSize(10.5).fillColor(INK);
      el(doc, 'P', () => doc.font('bold').text(setting.manager, M).font('regular').text(`Manager, ${setting.name}`, M));
    });
    if (!merged) await end(doc, path.join(dir, `${c.ref}.pdf`));
  }
  if (merged) await end(doc, path.join(dir, 'all.pdf'));
}

const TIME = fs.existsSync('/usr/bin/time');

/**
 * One process, timed from outside (start-up included, as a user meets it): wall, CPU (user +
 * sys, steadier than wall on a shared machine) and peak RSS from GNU time where present.
 */
function timed(args, options) {
  const started = performance.now();
  const run = TIME
    ? spawnSync('/usr/bin/time', ['-f', 'BENCH-TIME %U %S %M', process.execPath, ...args], { ...options, encoding: 'utf8' })
    : spawnSync(process.execPath, args, { ...options, encoding: 'utf8' });
  const wall = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${args.join(' ')}: ${run.stderr}`);
  const t = /BENCH-TIME (\S+) (\S+) (\d+)/.exec(run.stderr);
  return { wall, cpu: t ? Number(t[1]) + Number(t[2]) : NaN, peakMb: t ? Number(t[3]) / 1024 : NaN };
}

/** The real command, once, on a freshly seeded database. */
function ours(dir, merged) {
  const env = {
    ...process.env,
    TWOCHECK_DB: path.join(dir, 'db.sqlite'),
    TWOCHECK_CONFIG_DIR: path.join(dir, 'config'),
    SOURCE_DATE_EPOCH: '1795000000',
  };
  const args = [
    path.join(ROOT, 'bin/twocheck.cjs'),
    '--today',
    TODAY,
    '-q',
    'letters',
    ...(merged ? ['--merged', 'all.pdf'] : ['--out', 'out']),
  ];
  return timed(args, { cwd: dir, env });
}

async function prepare(dir) {
  const env = { ...process.env, TWOCHECK_DB: path.join(dir, 'db.sqlite') };
  spawnSync(process.execPath, [path.join(ROOT, 'bin/twocheck.cjs'), ...SETUP], { env });
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path.join(dir, 'db.sqlite'));
  const insert = db.prepare(
    `INSERT INTO children (ref, first_name, last_name, dob, address, postcode, parent_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'x', 'x')`,
  );
  db.transaction(() => {
    for (const c of children(N)) insert.run(c.ref, c.first, c.last, c.dob, c.address, c.postcode, c.parent);
  })();
  db.close();
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const mode = process.argv[2];
if (mode === 'floor' || mode === 'floor-merged') {
  await floor(process.argv[3], mode === 'floor-merged');
} else {
  // BENCH_ONLY=merged (or separate) runs one of the two; BENCH_REPEAT=5 takes the median of 5,
  // floor and command taking turns, so a burst of load elsewhere hits both alike.
  const repeat = Number(process.env.BENCH_REPEAT || 1);
  const modes = [false, true].filter((m) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY === (m ? 'merged' : 'separate'));
  const rows = [];
  for (const merged of modes) {
    const runs = { floor: [], ours: [] };
    for (let r = 0; r < repeat; r++) {
      const f = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-floor-'));
      runs.floor.push(timed([fileURLToPath(import.meta.url), merged ? 'floor-merged' : 'floor', f], {}));
      fs.rmSync(f, { recursive: true, force: true });
      const o = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ours-'));
      await prepare(o);
      runs.ours.push(ours(o, merged));
      fs.rmSync(o, { recursive: true, force: true });
    }
    const sum = (list) => ({
      wall: median(list.map((x) => x.wall)),
      cpu: median(list.map((x) => x.cpu)),
      peakMb: Math.max(...list.map((x) => x.peakMb)),
    });
    rows.push({ what: merged ? 'one merged file' : 'separate files', ours: sum(runs.ours), floor: sum(runs.floor) });
  }
  const s = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} s` : 'n/a');
  const mb = (x) => (Number.isFinite(x) ? `${x.toFixed(0)} MB` : 'n/a');
  console.log(
    `${N} parent letters, whole process each (start-up, reading, drawing, writing, recording)${repeat > 1 ? `, median of ${repeat}` : ''}`,
  );
  console.log(
    'floor: bare pdfkit drawing the same tagged page (letterhead, address block, bold runs, list, sign-off); target: within 1.5x',
  );
  let met = true;
  for (const r of rows) {
    const wallX = r.ours.wall / r.floor.wall;
    const cpuX = r.ours.cpu / r.floor.cpu;
    const ok = wallX <= 1.5 && (!Number.isFinite(cpuX) || cpuX <= 1.5);
    met &&= ok;
    console.log(
      `${r.what.padEnd(16)} twocheck wall ${s(r.ours.wall)} CPU ${s(r.ours.cpu)} peak ${mb(r.ours.peakMb)} | pdfkit wall ${s(r.floor.wall)} CPU ${s(r.floor.cpu)} peak ${mb(r.floor.peakMb)} | ${wallX.toFixed(2)}x wall, ${Number.isFinite(cpuX) ? cpuX.toFixed(2) : 'n/a'}x CPU -> ${ok ? 'met' : 'NOT met'}`,
    );
  }
  if (!met) process.exitCode = 1;
}
