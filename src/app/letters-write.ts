/**
 * The drawing half of a letters batch (pdfkit), loaded only when letters are really written.
 * Each file and its record move together (placeWithRecord): a crash, a full disk or a lock held
 * too long leaves neither a record of a letter that does not exist nor a letter with no record.
 */
import { TwocheckError, explainFailure } from '../errors.js';
import type { Setting } from '../store/setting.js';
import { letterFields, recipientOf } from '../documents/fields.js';
import { drawLetter, renderLetter } from '../documents/letter.js';
import { createPdf, finishPdf, logoProblem, pdfDateFromEnvironment } from '../documents/pdf.js';
import { placeWithRecord } from './file-record.js';
import type { Planned } from './letters-batch.js';
import type { AppContext } from './context.js';

export interface Batch {
  setting: Setting;
  planned: Planned[];
  merged: string | null;
  warnings: string[];
  force: boolean;
  onProgress: ((done: number, total: number) => void) | undefined;
  /** asked under the write lock: false when another run has written the child's letter meanwhile */
  wanted: (p: Planned) => boolean;
  record: (p: Planned, file: string, sha256: string) => void;
}

export async function writeBatch(ctx: AppContext, batch: Batch): Promise<{ written: Planned[]; raced: Planned[] }> {
  const { planned, merged, warnings, onProgress, record, wanted } = batch;
  // A logo that cannot be drawn (moved, replaced by another kind of file) is left off with a
  // warning: the letters are still written.
  const logoRefused = batch.setting.logo ? await logoProblem(batch.setting.logo) : null;
  if (logoRefused)
    warnings.push(`the logo is left off these letters: ${logoRefused}; choose another with: twocheck setup --logo <file.png>`);
  const setting: Setting = logoRefused ? { ...batch.setting, logo: null } : batch.setting;
  const createdAt = pdfDateFromEnvironment(ctx.env) ?? ctx.now();
  const inputOf = (p: Planned) => ({
    setting,
    template: p.template,
    date: ctx.today,
    recipient: recipientOf(p.child),
    createdAt,
    fields: letterFields(setting, p.child, p.hub, ctx.today, p.template.language),
  });
  const name = (p: Planned) => `${p.child.firstName} ${p.child.lastName} (${p.child.ref})`;
  const note = (p: Planned, drawn: { missingGlyphs: string[]; problems: string[] }) => {
    if (drawn.missingGlyphs.length > 0)
      warnings.push(
        `${name(p)}: the font cannot draw ${drawn.missingGlyphs.map((c) => `"${c}" (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`).join(', ')}; check the spelling on the roster`,
      );
    for (const problem of drawn.problems) if (!warnings.includes(problem)) warnings.push(problem);
  };
  const done: Planned[] = [];
  const raced: Planned[] = [];
  const said = (placed: string, file: string) => {
    if (placed === 'adopted')
      warnings.push(`${file} was there with no record (an earlier run stopped); it is the same letter, now recorded`);
    if (placed === 'replaced') warnings.push(`${file} was there with no record (an earlier run stopped); it was replaced and recorded`);
  };
  const total = planned.length + (merged ? 1 : 0);
  const failed = (what: string, error: unknown): never => {
    const recorded =
      done.length === 0
        ? 'nothing was written or recorded'
        : `${done.length} letter${done.length === 1 ? ' was' : 's were'} written and recorded (${done.map((p) => p.child.ref).join(', ')})`;
    if (error instanceof TwocheckError && error.exitCode !== 1) throw error;
    const plain = error instanceof TwocheckError ? error : explainFailure(error);
    const message = plain ? plain.message : (error as Error).message;
    throw new TwocheckError(
      `${what}: ${message}; ${recorded}; nothing is written or recorded for the rest`,
      plain?.hint ?? 'fix the cause and run the same command again: letters already recorded are not written twice',
    );
  };

  for (const p of planned) {
    if (!p.file) continue;
    try {
      const letter = await renderLetter(inputOf(p));
      note(p, letter);
      const file = placeWithRecord(ctx.db(), p.file, letter.pdf, {
        force: batch.force,
        wanted: () => wanted(p),
        record: (path, sha256) => record(p, path, sha256),
      });
      said(file.placed, file.path);
      if (file.placed === 'skipped') {
        raced.push(p);
        continue;
      }
    } catch (error) {
      failed(`writing the letter for ${name(p)} failed`, error);
    }
    done.push(p);
    onProgress?.(done.length, total);
  }
  if (merged) {
    try {
      const first = planned[0];
      const doc = createPdf({
        title: first ? `Parent letters: ${setting.name}` : 'Parent letters',
        author: setting.name,
        subject: 'parent-letter',
        createdAt,
        bufferPages: false,
      });
      planned.forEach((p, i) => {
        if (i > 0) doc.addPage();
        const drawn = drawLetter(doc, inputOf(p));
        if (!p.file) note(p, drawn);
      });
      const onlyMerged = planned.filter((p) => !p.file);
      // A merged-only run records each letter against the print file, all in the step that
      // puts it in place: they stand or fall with one file.
      const file = placeWithRecord(ctx.db(), merged, await finishPdf(doc), {
        force: batch.force,
        wanted: () => {
          const gone = onlyMerged.filter((p) => !wanted(p));
          if (gone.length > 0)
            throw new TwocheckError(
              `another twocheck run wrote letters for ${gone.map((p) => p.child.ref).join(', ')} while this one was drawing ${merged}`,
              'run the same command again: it leaves out letters already recorded',
            );
          return true;
        },
        record: (path, sha256) => {
          for (const p of onlyMerged) record(p, path, sha256);
        },
      });
      if (onlyMerged.length > 0) said(file.placed, file.path);
      done.push(...onlyMerged);
    } catch (error) {
      failed(`writing the merged file ${merged} failed`, error);
    }
    onProgress?.(total, total);
  }
  return { written: planned.filter((p) => !raced.includes(p)), raced };
}
