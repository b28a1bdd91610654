/**
 * The group review invitation: an editable Markdown-like template (`# ` heading, blank-line
 * paragraphs, `**bold:**` line labels, `{{placeholders}}`) drawn on the shared A4 page.
 * A small renderer of our own, until the letters machinery lands (see the groups note).
 */
import { InputRejected } from '../errors.js';
import { A4_MARGIN, createPdf, finishPdf } from './pdf.js';

export type Fields = Record<string, string>;

/** Replaces {{name}} with its value; an unknown name is an error naming the line. */
export function fillTemplate(text: string, fields: Fields, file: string): string {
  const problems: string[] = [];
  const lines = text.split(/\r?\n/).map((line, i) => line.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => {
    if (name in fields) return fields[name] as string;
    problems.push(`${file} line ${i + 1}: unknown placeholder {{${name}}}; known: ${Object.keys(fields).join(', ')}`);
    return '';
  }));
  if (problems.length > 0) throw new InputRejected(`the template ${file} has unknown placeholders`, problems);
  return lines.join('\n');
}

export interface Letterhead {
  name: string;
  address: string | null;
  postcode: string | null;
  phone: string | null;
}

export async function renderInvitation(body: string, head: Letterhead, title: string, createdAt?: Date): Promise<Buffer> {
  const doc = createPdf({ title, author: head.name, subject: 'Group review invitation', createdAt });
  const width = doc.page.width - 2 * A4_MARGIN;
  doc.font('bold').fontSize(14).text(head.name, { width });
  doc.font('regular').fontSize(9);
  const lines = [...(head.address ?? '').split(',').map((s) => s.trim()).filter(Boolean), head.postcode, head.phone].filter(Boolean);
  doc.text(lines.join(' · '), { width });
  doc.moveDown(2).fontSize(11);
  for (const block of body.split(/\n\s*\n/)) {
    const text = block.trim();
    if (text === '') continue;
    if (text.startsWith('# ')) {
      doc.font('bold').fontSize(15).text(text.slice(2).trim(), { width }).fontSize(11).moveDown(0.6);
      continue;
    }
    for (const line of text.split('\n')) {
      const label = /^\*\*(.+?)\*\*\s*(.*)$/.exec(line.trim());
      if (label) {
        doc.font('bold').text(`${label[1]} `, { continued: true, width }).font('regular').text(label[2] ?? '', { width });
      } else {
        doc.font('regular').text(line.trim(), { width });
      }
    }
    doc.moveDown(0.8);
  }
  return finishPdf(doc);
}
