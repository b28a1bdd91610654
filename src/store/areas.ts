import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateAreaTable } from '../domain/area-table.js';
import type { AreaTable } from '../domain/hub.js';
import { InputRejected, NotJson, TwocheckError } from '../errors.js';

/** The folder of shipped templates: letters, layouts and area Hub tables. */
export const TEMPLATES_DIR = path.join(packageFolder(), 'templates');

/**
 * twocheck's own folder: the nearest one above this file that holds package.json. This file runs
 * from src/store/ under the tests, from dist/store/ and from the bundle in dist/, each at its own depth.
 */
function packageFolder(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`twocheck cannot find its own folder above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  return dir;
}

/** Reads templates/areas/<area>.json, refusing a file whose shape is wrong (each problem names its field). */
export function loadArea(area: string): AreaTable {
  const file = path.join(TEMPLATES_DIR, 'areas', `${area}.json`);
  if (!/^[a-z0-9-]+$/.test(area) || !fs.existsSync(file)) {
    throw new TwocheckError(`no Hub table for the area "${area}"`, `areas available: ${listAreas().join(', ') || 'none'}`);
  }
  return parseAreaFile(file, fs.readFileSync(file, 'utf8'));
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
    throw new InputRejected(`${file}: the Hub table has ${problems.length} problem${problems.length === 1 ? '' : 's'}`, problems.map((p) => `${file}: ${p}`));
  }
  return raw as AreaTable;
}

export function listAreas(): string[] {
  const dir = path.join(TEMPLATES_DIR, 'areas');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
}
