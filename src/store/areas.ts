import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AreaTable } from '../domain/hub.js';
import { TwocheckError } from '../errors.js';

/** The folder of shipped templates: letters, layouts and area Hub tables. */
export const TEMPLATES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');

/** Reads templates/areas/<area>.json. */
export function loadArea(area: string): AreaTable {
  const file = path.join(TEMPLATES_DIR, 'areas', `${area}.json`);
  if (!/^[a-z0-9-]+$/.test(area) || !fs.existsSync(file)) {
    throw new TwocheckError(`no Hub table for the area "${area}"`, `areas available: ${listAreas().join(', ') || 'none'}`);
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as AreaTable;
}

export function listAreas(): string[] {
  const dir = path.join(TEMPLATES_DIR, 'areas');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
}
