/**
 * Putting a file in place so that a file that exists is always complete and private: written to
 * a new temporary file beside its target (created, never reused, never through a link), then
 * renamed over the target. Light (no pdfkit), so a command can check its folder before drawing.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  rmdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { TwocheckError, UsageError, whyFileFailed } from '../errors.js';

export interface WrittenFile {
  path: string;
  sha256: string;
  bytes: number;
}

/** Written in full under a private temporary name beside `path`, not yet in place. */
export interface StagedFile extends WrittenFile {
  temporary: string;
}

/**
 * Makes the folder (and its parents) one level at a time, failing at the first that cannot be
 * made: a path such as /proc/nope fails at once rather than being tried for ever.
 */
export function ensureFolder(dir: string): string[] {
  const target = resolve(dir);
  const missing: string[] = [];
  let at = target;
  for (;;) {
    try {
      if (!statSync(at).isDirectory())
        throw new UsageError(`cannot write into ${target}: ${at} is a file, not a folder`, 'choose another folder');
      // A folder that is there but not writable fails now, before anything is drawn or recorded.
      if (missing.length === 0) notWritable(target);
      break;
    } catch (err) {
      if (err instanceof TwocheckError) throw err;
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw cannotMake(target, err);
      missing.unshift(at);
      const up = dirname(at);
      if (up === at) break;
      at = up;
    }
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder, { mode: 0o700 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST' && statSync(folder).isDirectory()) continue;
      throw cannotMake(target, err);
    }
  }
  return missing;
}

/**
 * Fails now, as ensureFolder would, when `dir` could not be made or written, and leaves nothing
 * behind: for a run that may have nothing to write into it today.
 */
export function probeFolder(dir: string): void {
  const made = ensureFolder(dir);
  for (const folder of made.reverse()) rmdirSync(folder);
}

function cannotMake(target: string, err: unknown): TwocheckError {
  const e = err as NodeJS.ErrnoException;
  const why =
    (e.code === 'EACCES' || e.code === 'EPERM') && e.path
      ? `permission denied: the folder ${dirname(e.path)} is not writable by you`
      : // its parent is there (it was looked at first), yet the system says no such folder: /proc, /sys
        e.code === 'ENOENT' && e.path
        ? `${dirname(e.path)} does not take new folders`
        : whyFileFailed(err, true);
  return new TwocheckError(`cannot make the folder ${target}: ${why}`, 'choose a folder you can write (--out), or make it first');
}

function notWritable(folder: string): void {
  try {
    accessSync(folder, constants.W_OK | constants.X_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') {
      throw new TwocheckError(
        `cannot write into ${folder}: permission denied: the folder is not writable by you`,
        'check who owns it (ls -ld), or choose another folder (--out)',
      );
    }
    if (code === 'EROFS')
      throw new TwocheckError(`cannot write into ${folder}: the disk is read-only`, 'choose a folder on a disk you can write (--out)');
  }
}

/** A link planted where a document goes would send it somewhere else: refused, not followed. */
export function refuseLink(path: string): void {
  let isLink = false;
  try {
    isLink = lstatSync(path).isSymbolicLink();
  } catch {
    return;
  }
  if (isLink)
    throw new TwocheckError(
      `${path} is a symbolic link: twocheck writes only plain files`,
      'remove the link, or choose another folder (--out)',
    );
}

/**
 * Writes `data` under a new private name beside `path` (O_EXCL, mode 0600) and syncs it; makes
 * the folder first unless told the folder must already be there.
 */
export function stageFile(path: string, data: Buffer, options: { makeFolder?: boolean } = {}): StagedFile {
  const target = resolve(path);
  if (options.makeFolder !== false) ensureFolder(dirname(target));
  refuseLink(target);
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  // 'wx' is O_CREAT|O_EXCL: it fails on anything already there, a link included, and never follows one.
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeFileSync(fd, data);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  return { path: target, temporary, sha256: sha256(data), bytes: data.length };
}

/** Puts a staged file in place (rename: the target is whole or as it was). */
export function placeFile(staged: StagedFile): void {
  refuseLink(staged.path);
  renameSync(staged.temporary, staged.path);
}

export function discardFile(staged: StagedFile): void {
  rmSync(staged.temporary, { force: true });
}

/** Stage then place, for a file with no record to keep in step. */
export function writeFileAtomically(path: string, data: Buffer, options: { makeFolder?: boolean } = {}): WrittenFile {
  const staged = stageFile(path, data, options);
  try {
    placeFile(staged);
  } catch (error) {
    discardFile(staged);
    throw error;
  }
  return { path: staged.path, sha256: staged.sha256, bytes: staged.bytes };
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The SHA-256 of a file on disk, or null when there is none. */
export function sha256OfFile(path: string): string | null {
  try {
    return sha256(readFileSync(path));
  } catch {
    return null;
  }
}

/** True when `path` is there (as anything, a dangling link too). */
export function entryExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
