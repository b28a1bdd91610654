import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

function filesUnder(folder: string, ending: RegExp): string[] {
  const at = path.join(ROOT, folder);
  if (!fs.existsSync(at)) return [];
  return (fs.readdirSync(at, { recursive: true }) as string[]).filter((f) => ending.test(f)).map((f) => path.join(folder, f));
}

/*
 * An exported function, constant or class that no file uses (not even its own) is code that
 * nothing runs: it goes stale unnoticed. A name used only by tests, a bench or a script counts as used.
 */
describe('dead code', () => {
  it('every export in src is used somewhere: src, test, bench or scripts', () => {
    const source = filesUnder('src', /\.ts$/);
    const everything = [
      ...source,
      ...filesUnder('test', /\.(ts|mjs)$/),
      ...filesUnder('bench', /\.mjs$/),
      ...filesUnder('scripts', /\.mjs$/),
    ];
    const text = new Map(everything.map((f) => [f, fs.readFileSync(path.join(ROOT, f), 'utf8')]));
    const unused: string[] = [];
    for (const file of source) {
      const own = text.get(file) ?? '';
      for (const m of own.matchAll(/^export (?:async )?(?:function|const|let|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm)) {
        const name = m[1] ?? '';
        const word = new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`, 'g');
        const usedElsewhere = everything.some((f) => f !== file && word.test(text.get(f) ?? ''));
        const usedInOwnFile = (own.match(word) ?? []).length > 1;
        if (!usedElsewhere && !usedInOwnFile) unused.push(`${file}: ${name}`);
      }
    }
    expect(unused).toEqual([]);
  });
});
