import { readFileSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';

/** The text of a PDF, read the way a test reads it: through pdf-parse, no system tools. */
export async function pdfText(fileOrBytes: string | Buffer): Promise<string> {
  const data = typeof fileOrBytes === 'string' ? readFileSync(fileOrBytes) : fileOrBytes;
  const parser = new PDFParse({ data });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

/** Page count and metadata, for assertions about what a document says about itself. */
export async function pdfInfo(file: string): Promise<{ pages: number; info: Record<string, unknown> }> {
  const parser = new PDFParse({ data: readFileSync(file) });
  try {
    const result = await parser.getInfo();
    return { pages: result.total, info: (result.info ?? {}) as Record<string, unknown> };
  } finally {
    await parser.destroy();
  }
}

/**
 * Whether the PDF is tagged, and the roles of its structure in reading order (Document, H1, P,
 * L, LI …), read through pdf.js as a screen reader's software would.
 */
export async function pdfStructure(file: string): Promise<{ marked: boolean; roles: string[] }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  try {
    const marked = (await doc.getMarkInfo())?.Marked === true;
    const page = await doc.getPage(1);
    const tree = await page.getStructTree();
    type Node = { role?: string; children?: Node[] };
    const roles = (n: Node): string[] => (n.role ? [n.role, ...(n.children ?? []).flatMap(roles)] : []);
    return { marked, roles: tree ? ((tree as Node).children?.flatMap(roles) ?? []) : [] };
  } finally {
    await doc.destroy();
  }
}
