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
