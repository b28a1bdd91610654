import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectEncoding, openRoster, sniffDelimiter } from '../../src/app/roster-file.js';

async function read(content: Buffer | string, options: { encoding?: string } = {}) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'roster-')), 'r.csv');
  fs.writeFileSync(file, content);
  const source = await openRoster(file, options);
  const records = [];
  for await (const r of source.records) records.push(r);
  return { source, records };
}

describe('reading a roster file', () => {
  it('numbers records by the physical line, across CRLF, CR and quoted newlines', async () => {
    const { records } = await read('ref,name\r\n1,"a\r\nb"\r\n\r\n2,c\r3,d\n4,"x\ny\nz"\n5,e');
    expect(records.map((r) => [r.line, r.cells[0]])).toEqual([
      [2, '1'],
      [5, '2'],
      [6, '3'],
      [7, '4'],
      [10, '5'],
    ]);
    expect(records[0]?.cells[1]).toBe('a\nb');
  });

  it('detects encodings', async () => {
    expect(await detectEncoding([Buffer.from('ref,Zoë\n')])).toBe('utf8');
    expect(await detectEncoding([iconv.encode('ref,Zoë\n', 'win1252')])).toBe('windows1252');
    expect(await detectEncoding([Buffer.from([0xff, 0xfe, 0x41, 0])])).toBe('utf16le');
    expect(await detectEncoding([Buffer.from([0xfe, 0xff, 0, 0x41])])).toBe('utf16be');
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('ref;name\n1;Zoë\n', 'utf16be')]);
    const { source, records } = await read(be);
    expect([source.encoding, source.delimiter, source.headers]).toEqual(['utf16be', ';', ['ref', 'name']]);
    expect(records[0]?.cells).toEqual(['1', 'Zoë']);
  });

  it('honours --encoding over detection', async () => {
    const { records } = await read(Buffer.from('ref,name\n1,Zoë\n'), { encoding: 'windows-1252' });
    expect(records[0]?.cells[1]).toBe('ZoÃ«');
  });

  it('sniffs the delimiter from the header row, ignoring quoted ones', () => {
    expect(sniffDelimiter('a,b,c\n1;2;3;4;5')).toBe(',');
    expect(sniffDelimiter('"a,b";c;d\n')).toBe(';');
    expect(sniffDelimiter('a\tb\n')).toBe('\t');
    expect(sniffDelimiter('ref\n')).toBe(',');
  });

  it('reads stdin', async () => {
    const source = await openRoster('-', { stdin: Readable.from([Buffer.from('\uFEFFref,name\n1,Ada\n')]) });
    expect(source.headers).toEqual(['ref', 'name']);
  });

  it('keeps multi-byte letters and line numbers across read chunks, CRLF or CR, in a big UTF-8 file', async () => {
    // 256 KiB chunks: rows of odd length put "Zoë", "\r\n" and "\r" pairs across every boundary.
    for (const eol of ['\r\n', '\n', '\r']) {
      const rows = Array.from({ length: 12_000 }, (_, i) => `${i},Zoë Brontë ${'é'.repeat(i % 7)},"a${eol}b"`);
      const { records } = await read(`\uFEFFref,name,address${eol}${rows.join(eol)}${eol}`);
      expect(records).toHaveLength(12_000);
      records.forEach((r, i) => {
        expect(r.line).toBe(2 + 2 * i);
        expect(r.cells).toEqual([String(i), `Zoë Brontë ${'é'.repeat(i % 7)}`, 'a\nb']);
      });
    }
  });
});
