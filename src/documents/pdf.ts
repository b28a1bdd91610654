/**
 * The PDF machinery every document shares: an A4 page with a Unicode font, fixed metadata, and
 * a file written whole or not at all. Only modules that draw import this (pdfkit is heavy).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { whyFileFailed } from '../errors.js';
import { beginStructure, endStructure } from './structure.js';

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** DejaVu covers Latin, Greek, Cyrillic and more, so names such as Zoë, Łukasz or Ioana print. */
export const FONTS = {
  regular: join(FONT_DIR, 'DejaVuSans.ttf'),
  bold: join(FONT_DIR, 'DejaVuSans-Bold.ttf'),
  italic: join(FONT_DIR, 'DejaVuSans-Oblique.ttf'),
} as const;
export type FontName = keyof typeof FONTS;

export interface PdfMeta {
  title: string;
  author: string;
  subject?: string;
  keywords?: string;
  /** BCP 47, e.g. en-GB */
  language?: string;
  /**
   * The instant stamped into the file. Tests and `SOURCE_DATE_EPOCH` fix it so that the
   * same input gives the same bytes.
   */
  createdAt?: Date;
  /**
   * Keep every page in memory until the end, so page numbers ("page 2 of 3") can be added once
   * the count is known (the check does). Default true. A merged file of 1,000 letters needs
   * no page numbers: without it each page is written out when the next begins. The file reads
   * the same, page for page and element for element; only its objects come out in another order.
   */
  bufferPages?: boolean;
}

export type Pdf = PDFKit.PDFDocument;

export const A4_MARGIN = 56; // 2 cm, printable on every office printer

/** A new A4 document with the fonts registered and regular text selected. */
export function createPdf(meta: PdfMeta): Pdf {
  const createdAt = meta.createdAt ?? pdfDateFromEnvironment() ?? new Date();
  const doc = new PDFDocument({
    size: 'A4',
    margin: A4_MARGIN,
    // No default font: pdfkit would otherwise read and parse Helvetica's metrics for every
    // document (about 8 ms each, a tenth of a one-letter PDF), and we never draw with it.
    font: '',
    bufferPages: meta.bufferPages ?? true,
    autoFirstPage: true,
    lang: meta.language ?? 'en-GB',
    displayTitle: true,
    // Tagged, so a screen reader can read a letter or a check in order (tagging needs PDF 1.4+).
    tagged: true,
    pdfVersion: '1.7',
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject ?? '',
      Keywords: meta.keywords ?? '',
      Creator: 'twocheck',
      Producer: 'twocheck',
      CreationDate: createdAt,
      ModDate: createdAt,
    },
  });
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, file);
  doc.font('regular');
  beginStructure(doc);
  return doc;
}

/** `SOURCE_DATE_EPOCH` (seconds) is the reproducible-builds convention for a fixed timestamp. */
export function pdfDateFromEnvironment(env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const raw = env.SOURCE_DATE_EPOCH;
  if (!raw || !/^\d+$/.test(raw)) return undefined;
  return new Date(Number(raw) * 1000);
}

/**
 * The spaces inside a phone number or a postcode drawn as no-break spaces, so a line never ends
 * inside one: "0300 303 | 3923" or "+44 | (0)1538 000111" is easy to misdial, "ST13 | 6HU" to
 * misread. A space counts when a digit or ")" comes before it and a digit or "(" after it.
 */
export function numbersUnbroken(text: string): string {
  return text.replace(/(?<=[0-9)]) (?=[0-9(])/g, '\u00a0').replace(POSTCODE_SPACE, '$1\u00a0$2');
}

const POSTCODE_SPACE = /\b([A-Z]{1,2}[0-9][A-Z0-9]?) ([0-9][A-Z]{2})\b/g;

/** Code points in `text` that the font cannot draw (they would print as empty boxes). */
export function missingGlyphs(doc: Pdf, font: FontName, text: string): string[] {
  doc.font(font);
  const face = (doc as unknown as { _font: { font: FontFace } })._font.font;
  let known = drawable.get(face);
  if (!known) drawable.set(face, (known = new Map()));
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20) continue;
    let has = known.get(cp);
    if (has === undefined) known.set(cp, (has = face.hasGlyphForCodePoint(cp)));
    if (!has) missing.add(ch);
  }
  return [...missing];
}

interface FontFace {
  hasGlyphForCodePoint(cp: number): boolean;
}

/**
 * What each font face can draw, by code point: a merged batch asks about the same hundred or so
 * characters for every letter, and the font's own lookup (its cmap) is slow enough to show.
 */
const drawable = new WeakMap<FontFace, Map<number, boolean>>();

/** Finish the document and collect its bytes. */
export function finishPdf(doc: Pdf): Promise<Buffer> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => done(Buffer.concat(chunks)));
    doc.on('error', fail);
    endStructure(doc);
    doc.end();
  });
}

export { type WrittenFile, sha256, writeFileAtomically } from './files.js';

/** Lives in names.ts so that choosing file names does not load pdfkit. */
export { safeFileName } from './names.js';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);

/**
 * Why a logo cannot go on a letterhead, or null when it can: a PNG or JPEG by its first bytes
 * (not its name), complete, and embedded once into a throwaway document the way a letter would.
 * A logo refused here is left off the documents with a warning, never drawn half-way.
 */
export async function logoProblem(file: string): Promise<string | null> {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (error) {
    return `cannot read ${file}: ${whyFileFailed(error)}`;
  }
  const png = data.subarray(0, 8).equals(PNG_MAGIC);
  const jpeg = data.subarray(0, 3).equals(JPEG_MAGIC);
  if (!png && !jpeg) return `${file} is not a PNG or JPEG image (judged by its content, not its name)`;
  if (png && !data.includes(Buffer.from('IEND'))) return `${file} is an incomplete PNG image`;
  if (jpeg && !(data[data.length - 2] === 0xff && data[data.length - 1] === 0xd9)) return `${file} is an incomplete JPEG image`;
  try {
    const doc = new PDFDocument({ font: '', size: 'A4' });
    doc.image(data, 0, 0, { fit: [110, 60] });
    await finishPdf(doc);
  } catch (error) {
    return `${file} cannot be drawn: ${(error as Error).message}`;
  }
  return null;
}
