import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { createPdf, finishPdf, missingGlyphs, numbersUnbroken, safeFileName, writeFileAtomically } from '../../src/documents/pdf.js';
import { tagged } from '../../src/documents/structure.js';
import { pagesAsRead } from '../helpers/pdf-pages.js';

const fixed = new Date('2026-01-01T00:00:00Z');

async function drawn(text: string): Promise<Buffer> {
  const doc = createPdf({ title: 'T', author: 'A', createdAt: fixed });
  doc.text(text);
  return finishPdf(doc);
}

describe('the shared PDF machinery', () => {
  it('gives the same bytes for the same input', async () => {
    expect((await drawn('Zoë Łukasz Ioana')).equals(await drawn('Zoë Łukasz Ioana'))).toBe(true);
  });

  it('writes the same document whether pages are kept in memory or written as it goes', async () => {
    const pages = async (bufferPages: boolean) => {
      const doc = createPdf({ title: 'T', author: 'A', createdAt: fixed, bufferPages });
      for (const name of ['Zoë', 'Łukasz', 'Ioana']) {
        doc.addPage();
        tagged(doc, 'H1', () => doc.font('bold').text(name));
        tagged(doc, 'P', () => doc.font('regular').text('Dear parents'));
      }
      return finishPdf(doc);
    };
    // Tagged, the objects come out in another order, so the bytes differ; what a reader gets must not.
    const written = await pagesAsRead(await pages(false));
    expect(written).toEqual(await pagesAsRead(await pages(true)));
    expect(written[1]).toMatchObject({
      text: expect.stringMatching(/^Zoë\s+Dear parents$/),
      roles: expect.arrayContaining(['Document', 'H1', 'P']),
    });
  });

  it('draws names beyond Latin-1 so they can be read back', async () => {
    const parser = new PDFParse({ data: await drawn('Zoë Łukasz Ţurcanu Ørsted') });
    const { text } = await parser.getText();
    await parser.destroy();
    expect(text).toContain('Zoë Łukasz Ţurcanu Ørsted');
  });

  it('reports characters the font cannot draw', () => {
    const doc = createPdf({ title: 'T', author: 'A', createdAt: fixed });
    expect(missingGlyphs(doc, 'regular', 'Amélie')).toEqual([]);
    expect(missingGlyphs(doc, 'regular', 'Ali 李')).toEqual(['李']);
    // asked again, the answer comes from what the face already told us, and stays right
    expect(missingGlyphs(doc, 'regular', '李 Amélie 李')).toEqual(['李']);
    expect(missingGlyphs(doc, 'bold', 'Ali 李')).toEqual(['李']);
  });

  it('writes whole files only, leaving no temporary file behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'twocheck-pdf-'));
    const written = writeFileAtomically(join(dir, 'sub', 'a.pdf'), Buffer.from('%PDF'));
    expect(readFileSync(written.path, 'utf8')).toBe('%PDF');
    expect(written.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(readdirSync(join(dir, 'sub'))).toEqual(['a.pdf']);
  });

  it('makes file names that cannot escape their folder', () => {
    expect(safeFileName('../../etc/passwd')).toBe('etc-passwd');
    expect(safeFileName('Zoë', "O'Brien")).toBe('Zoe-O-Brien');
    expect(safeFileName('..')).toBe('unnamed');
    expect(safeFileName('Łukasz', 'Søren', 'Straße')).toBe('Lukasz-Soren-Strasse');
    expect(safeFileName('李')).toBe('unnamed');
    expect(safeFileName('C:\\x', 'a/b')).toBe('C-x-a-b');
  });
});

describe('numbersUnbroken', () => {
  it('joins the groups of a number with no-break spaces, and nothing else', () => {
    expect(numbersUnbroken('phone 0300 303 3923.')).toBe('phone 0300\u00a0303\u00a03923.');
    expect(numbersUnbroken('Leek ST13 6HU')).toBe('Leek ST13\u00a06HU');
    expect(numbersUnbroken('London SW1A 1AA')).toBe('London SW1A\u00a01AA');
    expect(numbersUnbroken('on +44 (0)1538 000111 or (01538) 000111')).toBe('on +44\u00a0(0)1538\u00a0000111 or (01538)\u00a0000111');
    expect(numbersUnbroken('on 3 December 2026, 2 years 3 months')).toBe('on 3 December 2026, 2 years 3 months');
  });
});
