import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { InputRejected, UsageError, whyFileFailed } from '../errors.js';

/**
 * Reading a roster as spreadsheets really write it. iconv-lite decodes (Windows-1252 and
 * UTF-16 as streams, and strips a BOM); csv-parse splits records, quotes and embedded newlines.
 */

export const ENCODINGS = ['utf8', 'utf16le', 'utf16be', 'windows1252'] as const;
export type RosterEncoding = (typeof ENCODINGS)[number];

export interface RosterRecord {
  /** the physical line of the file where the record starts (the header is line 1) */
  line: number;
  cells: string[];
}

export interface RosterSource {
  /** as messages name it: the path given, or "stdin" */
  name: string;
  encoding: RosterEncoding;
  delimiter: string;
  headers: string[];
  headerLine: number;
  /** the first records after the header (up to 5), for a preview; they are also in `batches` */
  preview: RosterRecord[];
  /** the records in the arrays they were parsed in (fastest); use this or `records`, not both */
  batches: AsyncIterable<RosterRecord[]>;
  records: AsyncIterable<RosterRecord>;
  /** the same file read again from the start (stdin was held whole, so it can be too) */
  reopen(): Promise<RosterSource>;
}

/** Opens `file` (or `-` for stdin) and reads the header row; the rest streams. */
export async function openRoster(file: string, options: { encoding?: string; stdin?: NodeJS.ReadableStream } = {}): Promise<RosterSource> {
  const given = options.encoding ? normaliseEncoding(options.encoding) : undefined;
  let open: () => Readable;
  let name: string;
  let sniffed: RosterEncoding;
  // A pipe (stdin, a FIFO, `import <(…)`) cannot be read twice: it is held whole to decide its encoding.
  const pipe = file !== '-' && fs.existsSync(file) && !fs.statSync(file).isFile() && !fs.statSync(file).isDirectory();
  if (file === '-' || pipe) {
    const chunks: Buffer[] = [];
    for await (const chunk of pipe ? fs.createReadStream(file) : (options.stdin ?? process.stdin))
      chunks.push(Buffer.from(chunk as Buffer));
    const all = Buffer.concat(chunks);
    name = pipe ? file : 'stdin';
    notText(name, all.subarray(0, 4096), given);
    sniffed = given ?? (await detectEncoding([all]));
    open = () => Readable.from([all]);
  } else {
    if (!fs.existsSync(file))
      throw new UsageError(`cannot read ${file}: there is no such file`, 'give the path of the roster CSV (or - to read stdin)');
    if (fs.statSync(file).isDirectory())
      throw new UsageError(`cannot read ${file}: it is a folder, not a CSV file`, 'give the path of the roster CSV inside it');
    try {
      fs.accessSync(file, fs.constants.R_OK);
    } catch (err) {
      throw new UsageError(
        `cannot read ${file}: ${whyFileFailed(err)}`,
        'check who owns it (ls -l), or export the roster again to a file you can read',
      );
    }
    name = file;
    notText(name, firstBytes(file), given);
    sniffed = given ?? (await detectEncoding(fs.createReadStream(file, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>));
    open = () => fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  }
  return readRoster(open, name, sniffed);
}

function firstBytes(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(4096);
    return buf.subarray(0, fs.readSync(fd, buf, 0, buf.length, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/** Files a manager may pick by mistake, by their first bytes: what each is, in words. */
const NOT_CSV: [Buffer, string][] = [
  [Buffer.from('%PDF-'), 'a PDF document'],
  [Buffer.from([0x50, 0x4b, 0x03, 0x04]), 'a zip archive, such as an Excel workbook (.xlsx) or a Word document'],
  [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'an old Excel workbook (.xls) or Word document'],
  [Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'a PNG image'],
  [Buffer.from([0xff, 0xd8, 0xff]), 'a JPEG image'],
  [Buffer.from('SQLite format 3\0'), 'an SQLite database'],
  [Buffer.from([0x1f, 0x8b]), 'a gzip archive'],
  [Buffer.from('{\\rtf'), 'a Rich Text document'],
];

/**
 * A roster is text. A file that is not (a PDF, a workbook, an image) is refused before any
 * column is offered for mapping, saying what it looks like; a NUL byte where no UTF-16 is
 * given or marked (in the header row, or many) says the same of any other binary file.
 */
export function notText(name: string, head: Buffer, given?: RosterEncoding): void {
  const hit = NOT_CSV.find(([magic]) => head.subarray(0, magic.length).equals(magic));
  const utf16 = given === 'utf16le' || given === 'utf16be' || bomEncoding(head)?.startsWith('utf16');
  // one NUL in a cell is a row's problem, told with its line; NULs in the header row, or many, are a binary file
  const firstLine = head.subarray(0, head.indexOf(0x0a) < 0 ? head.length : head.indexOf(0x0a));
  const nuls = head.filter((b) => b === 0).length;
  const binary = !utf16 && (firstLine.includes(0) || nuls > head.length / 100);
  const looks = hit ? hit[1] : binary ? 'a binary file, not text' : null;
  if (!looks) return;
  const excel = hit && /Excel/.test(hit[1]) ? ' In Excel: File › Save As › CSV UTF-8 (Comma delimited).' : '';
  throw new InputRejected(
    `${name} is not a CSV file: it looks like ${looks}; nothing was changed`,
    [],
    `export the roster from your system or spreadsheet as CSV, and import that file.${excel}`,
  );
}

async function readRoster(open: () => Readable, name: string, sniffed: RosterEncoding): Promise<RosterSource> {
  // UTF-8 goes to csv-parse as bytes (it works on bytes, so decoding first only to have it
  // encode again cost a tenth of a big import); other encodings are decoded by iconv-lite.
  const text = sniffed === 'utf8' ? open().pipe(unifyNewlineBytes()) : open().pipe(iconv.decodeStream(sniffed)).pipe(unifyNewlines());
  const iterator = text[Symbol.asyncIterator]() as AsyncIterator<string | Buffer>;
  // Peek at the first chunk to choose the delimiter, then replay it ahead of the rest.
  const first = await iterator.next();
  const head: string | Buffer = first.done ? '' : (first.value as string | Buffer);
  const delimiter = sniffDelimiter(String(head));
  const rest = (async function* () {
    if (head.length > 0) yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value as string | Buffer;
    }
  })();
  // No `info: true`: csv-parse builds an info object per record, a third of its time on a big
  // roster. The line is counted here instead: each record takes one line plus the newlines
  // inside its cells (CR is already LF), and empty lines come through as [''] to be counted.
  const parser = Readable.from(rest).pipe(
    parse({
      delimiter,
      record_delimiter: '\n',
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
    }),
  );
  const numbered = (async function* () {
    let line = 1;
    try {
      for await (const batch of readBatches<string[]>(parser)) {
        const out: RosterRecord[] = [];
        for (const cells of batch) {
          const start = line;
          line += 1;
          for (const cell of cells) line += countNewlines(cell);
          if (cells.length === 1 && cells[0] === '') continue;
          out.push({ line: start, cells });
        }
        if (out.length > 0) yield out;
      }
    } catch (err) {
      throw csvProblem(err, name, line);
    }
  })();
  // The header is the first record; the rest of its batch goes out first.
  let header: RosterRecord | undefined;
  let after: RosterRecord[] = [];
  while (!header) {
    const next = await numbered.next();
    if (next.done) break;
    [header, ...after] = next.value;
  }
  if (!header || header.cells.every((c) => c.trim() === '')) {
    throw new InputRejected(`${name} is empty: a roster needs a header row and one row per child`);
  }
  // A few records ahead of the rest, for a preview of each column's first values.
  while (after.length < 5) {
    const next = await numbered.next();
    if (next.done) break;
    after = after.concat(next.value);
  }
  const firstBatch = after;
  const batches = (async function* () {
    if (firstBatch.length > 0) yield firstBatch;
    yield* numbered;
  })();
  const records = (async function* () {
    for await (const batch of batches) yield* batch;
  })();
  return {
    name,
    encoding: sniffed,
    delimiter,
    headers: header.cells.map((h) => h.trim()),
    headerLine: header.line,
    preview: firstBatch.slice(0, 5),
    batches,
    records,
    reopen: () => readRoster(open, name, sniffed),
  };
}

/** csv-parse's own errors, said as a roster problem at the line where the broken row starts. */
function csvProblem(err: unknown, name: string, line: number): unknown {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('CSV_')) return err;
  const what =
    code === 'CSV_QUOTE_NOT_CLOSED'
      ? 'a quoted value opens with " and is never closed, so the rest of the file would be read as one cell'
      : `the file is not valid CSV here (${(err as Error).message})`;
  return new InputRejected(
    `${name}: the roster could not be read; nothing was changed`,
    [`${name}:${line}: ${what}`],
    'fix that row in the spreadsheet, save it again as CSV, and import again',
  );
}

/**
 * Everything a stream has ready, as one array per wake-up: a big roster goes through in a few
 * hundred awaits instead of one (or three) per row.
 */
async function* readBatches<T>(stream: Readable): AsyncGenerator<T[]> {
  let ended = false;
  let failed: unknown = null;
  let wake: (() => void) | null = null;
  const poke = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  stream.on('readable', poke);
  stream.on('end', () => {
    ended = true;
    poke();
  });
  stream.on('error', (err) => {
    failed = err;
    poke();
  });
  for (;;) {
    const batch: T[] = [];
    for (let item = stream.read() as T | null; item !== null; item = stream.read() as T | null) batch.push(item);
    if (batch.length > 0) {
      yield batch;
      continue;
    }
    if (failed) throw failed;
    if (ended) return;
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
  }
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

export function normaliseEncoding(given: string): RosterEncoding {
  const key = given.toLowerCase().replace(/[^a-z0-9]/g, '');
  const aliases: Record<string, RosterEncoding> = {
    utf8: 'utf8',
    utf16le: 'utf16le',
    utf16be: 'utf16be',
    utf16: 'utf16le',
    windows1252: 'windows1252',
    cp1252: 'windows1252',
    win1252: 'windows1252',
    latin1: 'windows1252',
    iso88591: 'windows1252',
    ansi: 'windows1252',
  };
  const found = aliases[key];
  if (!found) throw new UsageError(`--encoding must be one of utf8, utf16le, utf16be, windows1252 (not "${given}")`);
  return found;
}

/**
 * A BOM names the encoding; otherwise UTF-8 if every byte sequence is valid UTF-8, else
 * Windows-1252 (what Excel's plain "CSV" writes on an English Windows machine).
 */
export async function detectEncoding(chunks: Iterable<Buffer> | AsyncIterable<Buffer>): Promise<RosterEncoding> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  try {
    for await (const chunk of chunks) {
      if (first) {
        first = false;
        const bom = bomEncoding(chunk);
        if (bom) return bom;
      }
      decoder.decode(chunk, { stream: true });
    }
    decoder.decode();
    return 'utf8';
  } catch {
    return 'windows1252';
  }
}

function bomEncoding(buf: Buffer): RosterEncoding | null {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf8';
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf16le';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf16be';
  return null;
}

/** The delimiter that occurs most in the header line, outside quotes: comma, semicolon or tab. */
export function sniffDelimiter(head: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of head.replace(/^\uFEFF/, '')) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\n') break;
    else if (!quoted && ch in counts) counts[ch] = (counts[ch] ?? 0) + 1;
  }
  const best = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return best && best[1] > 0 ? best[0] : ',';
}

/** CRLF and lone CR become LF, so that line numbers count what a text editor shows. */
function unifyNewlines(): Transform {
  let pendingCr = false;
  return new Transform({
    decodeStrings: false,
    transform(chunk: string, _enc, done) {
      let s = String(chunk);
      if (pendingCr) s = `\r${s}`;
      pendingCr = s.endsWith('\r');
      if (pendingCr) s = s.slice(0, -1);
      done(null, s.replace(/\r\n?/g, '\n'));
    },
    flush(done) {
      done(null, pendingCr ? '\n' : '');
    },
  });
}

const CR = 0x0d;
const LF = 0x0a;

/** unifyNewlines for UTF-8 bytes: a chunk without CR (a LF file) passes through untouched. */
function unifyNewlineBytes(): Transform {
  let pendingCr = false;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      let buf = pendingCr ? Buffer.concat([Buffer.from([CR]), chunk]) : chunk;
      pendingCr = buf.length > 0 && buf[buf.length - 1] === CR;
      if (pendingCr) buf = buf.subarray(0, -1);
      if (buf.indexOf(CR) < 0) {
        done(null, buf);
        return;
      }
      const out = Buffer.allocUnsafe(buf.length);
      let j = 0;
      for (let i = 0; i < buf.length; i++) {
        const b = buf[i] as number;
        if (b === CR) {
          out[j++] = LF;
          if (buf[i + 1] === LF) i++;
        } else {
          out[j++] = b;
        }
      }
      done(null, out.subarray(0, j));
    },
    flush(done) {
      done(null, pendingCr ? Buffer.from([LF]) : Buffer.alloc(0));
    },
  });
}

/** Where --skip-invalid writes rejected rows unless --rejects says otherwise. */
export function defaultRejectsPath(file: string, cwd: string): string {
  if (file === '-') return path.join(cwd, 'roster.rejects.csv');
  const parsed = path.parse(path.resolve(cwd, file));
  return path.join(parsed.dir, `${parsed.name}.rejects.csv`);
}
