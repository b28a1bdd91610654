/**
 * A letter on the setting's letterhead: logo, name, address and phone; the parents' name and
 * address; the date; the template's body; the manager's sign-off. Draws with pdfkit, so only
 * actions that write letters import this (dynamically from src/cli).
 */
import { type CalendarDate, formatLongDate } from '../domain/calendar.js';
import type { Setting } from '../store/setting.js';
import { A4_MARGIN, type Pdf, createPdf, finishPdf, missingGlyphs, numbersUnbroken } from './pdf.js';
import { drawLetterhead } from './letterhead.js';
import { section, tagged } from './structure.js';
import { type Block, type Fields, type Template, fillTemplate } from './template.js';

export interface LetterInput {
  setting: Setting;
  template: Template;
  fields: Fields;
  /** the date printed on the letter */
  date: CalendarDate;
  /** who the letter is to: names then address lines; none for a letter handed over in person */
  recipient?: { name: string; lines: string[] };
  /** fixes the PDF's metadata dates; SOURCE_DATE_EPOCH does the same */
  createdAt?: Date;
}

export interface DrawnLetter {
  title: string;
  /** characters the font cannot draw: they would print as boxes, so the caller warns */
  missingGlyphs: string[];
  /** placeholders the template used that had no value */
  empty: string[];
  /** e.g. a logo that could not be read */
  problems: string[];
}

export interface RenderedLetter extends DrawnLetter {
  pdf: Buffer;
}

const INK = '#1a1a1a';
const ACCENT = '#2f5d62';

/** One letter as its own PDF. */
export async function renderLetter(input: LetterInput): Promise<RenderedLetter> {
  const filled = fillTemplate(input.template, input.fields);
  const doc = createPdf({
    title: filled.title,
    author: input.setting.name,
    subject: input.template.kind,
    language: input.template.language === 'en' ? 'en-GB' : input.template.language,
    createdAt: input.createdAt,
    bufferPages: false,
  });
  const drawn = drawLetter(doc, input);
  return { ...drawn, pdf: await finishPdf(doc) };
}

/**
 * Draws a letter starting on the current page (a fresh page for each letter in a merged file:
 * call doc.addPage() between letters).
 */
export function drawLetter(doc: Pdf, input: LetterInput): DrawnLetter {
  // each letter is one section, so a merged file reads as one letter after another
  return section(doc, 'Sect', () => drawOneLetter(doc, input));
}

function drawOneLetter(doc: Pdf, input: LetterInput): DrawnLetter {
  const { setting } = input;
  const filled = fillTemplate(input.template, input.fields);
  const problems: string[] = [];
  const allText = [
    setting.name,
    setting.address ?? '',
    setting.phone ?? '',
    setting.email ?? '',
    setting.manager ?? '',
    input.recipient?.name ?? '',
    ...(input.recipient?.lines ?? []),
    ...filled.blocks.flatMap((b) => b.runs.map((r) => r.text)),
  ].join('\n');
  const missing = [...new Set([...missingGlyphs(doc, 'regular', allText), ...missingGlyphs(doc, 'bold', allText)])];

  const left = A4_MARGIN;
  const width = doc.page.width - 2 * A4_MARGIN;
  const head = drawLetterhead(doc, setting);
  problems.push(...head.problems);
  const ruleY = head.bottom;

  doc.fillColor(INK).font('regular').fontSize(10.5);
  let y = ruleY + 22;
  let bottom = y;
  const recipient = input.recipient;
  if (recipient) {
    tagged(doc, 'P', () => {
      doc.text(recipient.name, left, y, { width: width / 2 });
      for (const line of recipient.lines) doc.text(line, { width: width / 2 });
    });
    bottom = doc.y;
  }
  tagged(doc, 'P', () =>
    doc.text(formatLongDate(input.date, input.template.language), left + width / 2, y, { width: width / 2, align: 'right' }),
  );
  y = Math.max(doc.y, bottom) + 24;
  doc.text('', left, y);
  drawBlocks(doc, filled.blocks, left, width);

  doc.moveDown(2.2).font('regular').fontSize(10.5).fillColor(INK);
  tagged(doc, 'P', () => {
    if (setting.manager) doc.font('bold').text(setting.manager, left).font('regular');
    doc.text(setting.manager ? `${input.template.signedAs}, ${setting.name}` : setting.name, left);
  });
  return { title: filled.title, missingGlyphs: missing, empty: filled.empty, problems };
}

/** The body: headings, paragraphs, and each run of bullets as one list. */
function drawBlocks(doc: Pdf, blocks: Block[], left: number, width: number): void {
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.type !== 'bullet') {
      drawBlock(doc, block, blocks[i - 1]?.type, left, width);
      continue;
    }
    let end = i;
    while (blocks[end + 1]?.type === 'bullet') end += 1;
    const items = blocks.slice(i, end + 1);
    section(doc, 'L', () => items.forEach((item) => drawBullet(doc, item, left, width)));
    i = end;
  }
}

function drawBlock(doc: Pdf, block: Block, previous: Block['type'] | undefined, left: number, width: number): void {
  if (block.type === 'heading') {
    tagged(doc, 'H1', () => {
      doc.moveDown(0.4).fillColor(ACCENT).fontSize(12.5);
      drawRuns(doc, block.runs, left, width, true);
    });
    doc.fillColor(INK).moveDown(0.25);
    return;
  }
  doc.fontSize(10.5).fillColor(INK);
  if (previous === 'bullet') doc.moveDown(0.4);
  tagged(doc, 'P', () => drawRuns(doc, block.runs, left, width, false));
  doc.moveDown(0.6);
}

function drawBullet(doc: Pdf, block: Block, left: number, width: number): void {
  doc.fontSize(10.5).fillColor(INK);
  const y = doc.y;
  section(doc, 'LI', () => {
    tagged(doc, 'Lbl', () => doc.font('regular').text('•', left + 6, y, { lineBreak: false }));
    doc.text('', left + 20, y);
    tagged(doc, 'LBody', () => drawRuns(doc, block.runs, left + 20, width - 20, false));
  });
  doc.moveDown(0.2);
}

function drawRuns(doc: Pdf, runs: Block['runs'], x: number, width: number, allBold: boolean): void {
  const pieces = sameFontJoined(runs, allBold).map((p) => ({ ...p, text: numbersUnbroken(p.text) }));
  if (pieces.length === 0) {
    doc.text(' ', x, doc.y, { width });
    return;
  }
  const measure = (s: Block['runs'][number]) => doc.font(s.bold ? 'bold' : 'regular').widthOfString(s.text);
  const lineHeight = doc.font('regular').currentLineHeight(true) + LINE_GAP;
  let y = doc.y;
  for (const line of linesOf(wordsOf(pieces), measure, width)) {
    if (y + lineHeight > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    let at = x;
    for (const segment of line) {
      doc.font(segment.bold ? 'bold' : 'regular').text(segment.text, at, y, { lineBreak: false });
      at += measure(segment);
    }
    y += lineHeight;
  }
  doc.font('regular');
  doc.x = x;
  doc.y = y;
}

const LINE_GAP = 2;

/** A word and the spaces after it: a line may break only after a space. */
export interface Word {
  segments: Block['runs'];
  space: Block['runs'][number] | null;
}

/**
 * Runs cut into words. A full stop or comma right after a bold word ("**0300 303 3923**.") is
 * part of that word, so it never starts a line of its own, yet it keeps its own (regular) font:
 * bold never swallows the punctuation after it.
 */
export function wordsOf(pieces: Block['runs']): Word[] {
  const words: Word[] = [];
  let current: Word = { segments: [], space: null };
  for (const piece of pieces) {
    for (const chunk of piece.text.split(/( +)/)) {
      if (chunk === '') continue;
      if (chunk.startsWith(' ')) {
        current.space = { text: chunk, bold: piece.bold };
        words.push(current);
        current = { segments: [], space: null };
      } else {
        current.segments.push({ text: chunk, bold: piece.bold });
      }
    }
  }
  if (current.segments.length > 0) words.push(current);
  return words;
}

/** Words filled into lines of `width`; each line as its segments, neighbours in one font joined. */
export function linesOf(words: Word[], measure: (s: Block['runs'][number]) => number, width: number): Block['runs'][] {
  const lines: Word[][] = [];
  let line: Word[] = [];
  let used = 0;
  for (const word of words) {
    const own = word.segments.reduce((w, s) => w + measure(s), 0);
    const before = line.length > 0 && line[line.length - 1]!.space ? measure(line[line.length - 1]!.space!) : 0;
    if (line.length > 0 && used + before + own > width) {
      lines.push(line);
      line = [];
      used = 0;
    } else used += before;
    line.push(word);
    used += own;
  }
  if (line.length > 0) lines.push(line);
  return lines.map((words) => {
    const segments = words.flatMap((w, i) => (i < words.length - 1 && w.space ? [...w.segments, w.space] : w.segments));
    return sameFontJoined(segments, false);
  });
}

/**
 * Neighbouring runs in the same font drawn as one piece of text: each piece is a separate
 * `continued` fragment that pdfkit lays out and places on its own (a heading with bold words,
 * or "**a****b**", would otherwise be several).
 */
export function sameFontJoined(runs: Block['runs'], allBold: boolean): Block['runs'] {
  const pieces: Block['runs'] = [];
  for (const run of runs) {
    const bold = allBold || run.bold;
    const last = pieces[pieces.length - 1];
    if (last && last.bold === bold) last.text += run.text;
    else pieces.push({ text: run.text, bold });
  }
  return pieces;
}
