/**
 * A document's file and its record move together, in one ordered step: the file is written
 * whole under a private temporary name; then, holding the database's write lock (BEGIN
 * IMMEDIATE, so runs at the same moment take turns), the run checks the document is still
 * wanted, records it and renames the file into place; the commit ends the step. Any failure
 * before the commit removes the file again, so there is never a file with no record or a
 * record with no file.
 */
import { closeSync, fstatSync, openSync, readSync, rmSync } from 'node:fs';
import { UsageError } from '../errors.js';
import type { Db } from '../store/db.js';
import { discardFile, entryExists, placeFile, sha256OfFile, stageFile } from '../documents/files.js';

export type Placed = 'written' | 'adopted' | 'replaced' | 'skipped';

export interface PlaceOptions {
  /** asked under the lock: false when another run has done it meanwhile */
  wanted(): boolean;
  /** records the file; runs inside the transaction */
  record(file: string, sha256: string): void;
  /** overwrite a file that is not one of ours */
  force: boolean;
}

export function placeWithRecord(
  db: Db,
  target: string,
  data: Buffer,
  options: PlaceOptions,
): { placed: Placed; path: string; sha256: string } {
  const staged = stageFile(target, data);
  let renamed = false;
  try {
    const placed = db
      .transaction((): Placed => {
        if (!options.wanted()) return 'skipped';
        const there = entryExists(staged.path);
        const recorded = there && fileIsRecorded(db, staged.path);
        if (there && !recorded) {
          // Left by a run that stopped between its rename and its commit: the same bytes are
          // adopted; another of our documents is replaced; anything else needs --force.
          if (sha256OfFile(staged.path) === staged.sha256) {
            options.record(staged.path, staged.sha256);
            return 'adopted';
          }
          if (!options.force && !isTwocheckDocument(staged.path)) throw notOurs(staged.path);
        }
        options.record(staged.path, staged.sha256);
        placeFile(staged);
        renamed = true;
        return there && !recorded ? 'replaced' : 'written';
      })
      .immediate();
    return { placed, path: staged.path, sha256: staged.sha256 };
  } catch (error) {
    // the commit failed after the rename: the file goes too, so no file stands without its record
    if (renamed) rmSync(staged.path, { force: true });
    throw error;
  } finally {
    if (!renamed) discardFile(staged);
  }
}

export function fileIsRecorded(db: Db, file: string): boolean {
  return db.prepare('SELECT 1 FROM letters WHERE file = ? LIMIT 1').get(file) !== undefined;
}

/** A PDF that twocheck drew (its producer says so), judged from its first and last bytes. */
export function isTwocheckDocument(file: string): boolean {
  try {
    const fd = openSync(file, 'r');
    try {
      const read = (at: number): string => {
        const buffer = Buffer.alloc(64 * 1024);
        return buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, at)).toString('latin1');
      };
      const head = read(0);
      if (!head.startsWith('%PDF-')) return false;
      // the document information (Producer) may be written first or last
      return head.includes('(twocheck)') || read(Math.max(0, fstatSync(fd).size - 64 * 1024)).includes('(twocheck)');
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

export function notOurs(file: string): UsageError {
  return new UsageError(`a file is already there that twocheck did not record: ${file}`, 'move it away, or give --force to overwrite it');
}
