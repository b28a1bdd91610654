import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MappingNeeded, runImport } from '../../src/app/import.js';
import { createContext } from '../../src/cli/context.js';
import * as store from '../../src/store/db.js';

const ROSTERS = path.join(import.meta.dirname, '..', 'fixtures', 'rosters');

/** A Context on a temporary database, today fixed, output kept in strings and no terminal. */
function context() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twocheck-import-'));
  const sink = () => ({
    text: '',
    write(s: string) {
      this.text += s;
      return true;
    },
  });
  const proc = { stdin: {}, stdout: sink(), stderr: sink(), env: { FORCE_COLOR: '0' }, cwd: () => dir };
  return { ctx: createContext({ db: path.join(dir, 't.db'), today: '2026-11-23', by: 'test' }, proc, true, store), dir };
}

describe('runImport, in process', () => {
  it('returns what it read and did, month-first dates read month first, and a second run changes nothing', async () => {
    const { ctx } = context();
    const first = await runImport(ctx, { file: path.join(ROSTERS, 'google-forms-us.csv') });
    expect(first.counts).toEqual({ added: 4, updated: 0, unchanged: 0, missing: 0, left: 0, rejected: 0 });
    expect(first.layout.keyed).toBe(true);
    expect(first.dates).toEqual([
      {
        field: 'dob',
        header: "Child's date of birth",
        order: 'mdy',
        because: `${path.join(ROSTERS, 'google-forms-us.csv')}:4: "5/19/2023" in "Child's date of birth"`,
      },
    ]);
    expect(first.added.map((c) => c.name)).toEqual(['Eli Cole', 'Lucia Reyes', 'Jun Park', 'Ada Hall']);
    const again = await runImport(ctx, { file: path.join(ROSTERS, 'google-forms-us.csv') });
    expect(again.counts.unchanged).toBe(4);
    expect(again.added).toEqual([]);
    ctx.close();
  });

  it('keeps its lists short for a big roster unless asked for all, and counts every child', async () => {
    const { ctx, dir } = context();
    const file = path.join(dir, 'big.csv');
    fs.writeFileSync(
      file,
      `ref,first name,surname,dob\n${Array.from({ length: 500 }, (_, i) => `${i},Kid,N${i},2024-01-01`).join('\n')}\n`,
    );
    const r = await runImport(ctx, { file, dryRun: true });
    expect(r.counts.added).toBe(500);
    expect(r.added).toHaveLength(50);
    expect((await runImport(ctx, { file, dryRun: true, listAll: true })).added).toHaveLength(500);
    ctx.close();
  });

  it('throws MappingNeeded, with the --map line, when no column gives a required field', async () => {
    const { ctx, dir } = context();
    const file = path.join(dir, 'odd.csv');
    fs.writeFileSync(file, 'Kid,Fam name,Born on\nKit,Reed,05/05/2024\n');
    const err = await runImport(ctx, { file }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MappingNeeded);
    expect((err as MappingNeeded).suggestion).toBe(
      `twocheck import ${file} --map first_name="Kid" --map last_name="Fam name" --map dob="Born on"`,
    );
    const saved = await runImport(ctx, { file, map: ['first_name=Kid', 'last_name=Fam name', 'dob=Born on'], saveAs: 'odd' });
    expect(saved.layout.mapping).toEqual({ name: 'odd', how: 'saved' });
    expect((await runImport(ctx, { file })).layout.mapping).toEqual({ name: 'odd', how: 'recognised' });
    ctx.close();
  });
});
