import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateAreaTable } from '../domain/area-table.js';
import type { AreaTable } from '../domain/hub.js';
import { InputRejected, NotJson, TwocheckError } from '../errors.js';

/** The folder of shipped templates: letters, layouts and area Hub tables. */
export const TEMPLATES_DIR = join(packageFolder(), 'templates');

/**
 * twocheck's own folder: the nearest one above this file whose package.json is twocheck's. This
 * file runs from src/store/ under the tests, from dist/store/ and from the bundle in dist/, each
 * at its own depth; the name check keeps another project's folder above a copy from being taken.
 */
function packageFolder(): string {
  const here = fileURLToPath(import.meta.url);
  for (let dir = dirname(here); ; dir = dirname(dir)) {
    if (packageName(join(dir, 'package.json')) === 'twocheck') return dir;
    if (dirname(dir) === dir) {
      throw new TwocheckError(
        `twocheck's files are incomplete: no package.json of twocheck in a folder above ${here}`,
        'reinstall twocheck',
      );
    }
  }
}

function packageName(file: string): unknown {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name;
  } catch {
    return undefined;
  }
}

/** Reads templates/areas/<area>.json, refusing a file whose shape is wrong (each problem names its field). */
export function loadArea(area: string): AreaTable {
  const file = join(TEMPLATES_DIR, 'areas', `${area}.json`);
  if (!/^[a-z0-9-]+$/.test(area) || !existsSync(file)) {
    throw new TwocheckError(`no Hub table for the area "${area}"`, `areas available: ${listAreas().join(', ') || 'none'}`);
  }
  return parseAreaFile(file, readFileSync(file, 'utf8'));
}

export function parseAreaFile(file: string, text: string): AreaTable {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new NotJson(file, text, err, 'the Hub table is not valid JSON');
  }
  const problems = validateAreaTable(raw);
  if (problems.length > 0) {
    throw new InputRejected(
      `${file}: the Hub table has ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
      problems.map((p) => `${file}: ${p}`),
    );
  }
  return raw as AreaTable;
}

export function listAreas(): string[] {
  const dir = join(TEMPLATES_DIR, 'areas');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}
