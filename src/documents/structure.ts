/**
 * The structure a screen reader follows: every PDF is tagged, so headings are read as headings,
 * paragraphs and lists in the order they were written, and page furniture (rules, boxes, page
 * numbers) is skipped. pdfkit marks the content; this keeps track of where each element goes.
 */
import type { Pdf } from './pdf.js';

export type Role = 'Document' | 'Sect' | 'H1' | 'H2' | 'H3' | 'P' | 'L' | 'LI' | 'Lbl' | 'LBody' | 'Figure';

type Element = PDFKit.PDFStructureElement;

/** The element that newly drawn elements belong to, innermost first. */
const open = new WeakMap<Pdf, Element[]>();

/** Starts the document's structure; createPdf calls it. */
export function beginStructure(doc: Pdf): void {
  const root = doc.struct('Document');
  doc.addStructure(root);
  open.set(doc, [root]);
}

/** Ends every element still open; finishPdf calls it before the bytes are written. */
export function endStructure(doc: Pdf): void {
  const stack = open.get(doc);
  if (!stack) return;
  for (const element of stack.reverse()) element.end();
  open.delete(doc);
}

function parentOf(doc: Pdf): Element {
  const stack = open.get(doc);
  const parent = stack?.[stack.length - 1];
  if (!parent) throw new Error('the document has no structure: make it with createPdf');
  return parent;
}

/** What `draw` draws becomes one element: a heading, a paragraph, a figure. */
export function tagged(doc: Pdf, role: Role, draw: () => void, options: { alt?: string } = {}): void {
  parentOf(doc).add(doc.struct(role, options, draw));
}

/** Elements tagged inside `draw` are grouped under one: a letter in a merged file, a part of a form. */
export function section<T>(doc: Pdf, role: Role, draw: () => T): T {
  const element = doc.struct(role);
  parentOf(doc).add(element);
  open.get(doc)!.push(element);
  try {
    return draw();
  } finally {
    open.get(doc)!.pop();
    element.end();
  }
}

/** Page furniture a reader should skip: rules, boxes, running footers and page numbers. */
export function artifact(doc: Pdf, draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
  doc.markContent('Artifact', { type });
  try {
    draw();
  } finally {
    doc.endMarkedContent();
  }
}
