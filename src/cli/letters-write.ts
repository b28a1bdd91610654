/**
 * The drawing half of a letters batch (pdfkit), loaded only when letters are really written.
 * Each file is written whole (temporary name, then rename) and only then recorded, so a crash
 * or a full disk leaves no record of a letter that does not exist.
 */
import { TwocheckError } from '../errors.js';
import type { Setting } from '../store/setting.js';
import { letterFields, recipientOf } from '../documents/fields.js';
import { drawLetter, renderLetter } from '../documents/letter.js';
import { createPdf, finishPdf, pdfDateFromEnvironment, writeFileAtomically } from '../documents/pdf.js';
import type { Planned } from './letters-batch.js';
import type { Context } from './context.js';

export async function writeBatch(
  ctx: Context, setting: Setting, planned: Planned[], merged: string | null, warnings: string[],
  onProgress: ((done: number, total: number) => void) | undefined,
  record: (p: Planned, file: string, sha256: string) => void,
): Promise<Planned[]> {
  const createdAt = pdfDateFromEnvironment(ctx.env) ?? ctx.now();
  const inputOf = (p: Planned) => ({
    setting, template: p.template, date: ctx.today, recipient: recipientOf(p.child), createdAt,
    fields: letterFields(setting, p.child, p.hub, ctx.today, p.template.language),
  });
  const name = (p: Planned) => `${p.child.firstName} ${p.child.lastName} (${p.child.ref})`;
  const note = (p: Planned, drawn: { missingGlyphs: string[]; problems: string[] }) => {
    if (drawn.missingGlyphs.length > 0) warnings.push(`${name(p)}: the font cannot draw ${drawn.missingGlyphs.map((c) => `"${c}" (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`).join(', ')}; check the spelling on the roster`);
    for (const problem of drawn.problems) if (!warnings.includes(problem)) warnings.push(problem);
  };
  const done: Planned[] = [];
  const total = planned.length + (merged ? 1 : 0);
  const failed = (what: string, error: unknown): never => {
    const recorded = done.length === 0 ? 'nothing was written or recorded'
      : `${done.length} letter${done.length === 1 ? ' was' : 's were'} written and recorded (${done.map((p) => p.child.ref).join(', ')})`;
    throw new TwocheckError(`${what}: ${(error as Error).message}; ${recorded}; nothing is recorded for the rest`, 'fix the cause and run the same command again: letters already recorded are not written twice');
  };

  for (const p of planned) {
    if (!p.file) continue;
    try {
      const letter = await renderLetter(inputOf(p));
      note(p, letter);
      const file = writeFileAtomically(p.file, letter.pdf);
      record(p, file.path, file.sha256);
    } catch (error) {
      failed(`writing the letter for ${name(p)} failed`, error);
    }
    done.push(p);
    onProgress?.(done.length, total);
  }
  if (merged) {
    try {
      const first = planned[0];
      const doc = createPdf({ title: first ? `Parent letters: ${setting.name}` : 'Parent letters', author: setting.name, subject: 'parent-letter', createdAt, bufferPages: false });
      planned.forEach((p, i) => {
        if (i > 0) doc.addPage();
        const drawn = drawLetter(doc, inputOf(p));
        if (!p.file) note(p, drawn);
      });
      const file = writeFileAtomically(merged, await finishPdf(doc));
      // A merged-only run records each letter against the print file.
      // One transaction for them all: they stand or fall with one file.
      ctx.db().transaction(() => {
        for (const p of planned) if (!p.file) record(p, file.path, file.sha256);
      })();
      for (const p of planned) if (!p.file) done.push(p);
    } catch (error) {
      failed(`writing the merged file ${merged} failed`, error);
    }
    onProgress?.(total, total);
  }
  return planned;
}
