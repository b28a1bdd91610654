import { beforeEach, describe, expect, it } from 'vitest';
import { insertChildren, query } from '../helpers/children.js';
import { SETTING_FLAGS, workspace } from '../helpers/cli.js';

const TODAY = ['--today', '2026-04-01'];

describe('twocheck consent', () => {
  let ws: ReturnType<typeof workspace>;
  beforeEach(() => {
    ws = workspace();
    expect(ws.run(SETTING_FLAGS).code).toBe(0);
    insertChildren(ws.db, [
      { ref: '007', first_name: 'Poppy', last_name: 'Quillfeather', dob: '2024-03-10', parent_name: 'Hazel Quillfeather', funded: 0 },
      { ref: 'B2', first_name: 'Tomasz', last_name: 'Brightwater', dob: '2024-01-05', funded: 1 },
    ]);
  });

  it('records consent given, then withdrawn, keeping both', () => {
    const given = ws.run([...TODAY, 'consent', '007', '--method', 'paper', '--on', '2026-03-20']);
    expect(given.code).toBe(0);
    expect(given.stderr).toContain('Recorded: share-with-health given by Hazel Quillfeather on 2026-03-20 (paper)');
    const withdrawn = ws.run([...TODAY, '--by', 'Jo Bloggs', 'consent', '007', '--withdraw', '--method', 'verbal', '--note', 'phoned in']);
    expect(withdrawn.code).toBe(0);
    expect(withdrawn.stderr).toContain('withdrawn by Hazel Quillfeather on 2026-04-01 (verbal)');

    const rows = query<{ status: string; recorded_by: string }>(ws.db, 'SELECT status, recorded_by FROM consents ORDER BY id');
    expect(rows.map((r) => r.status)).toEqual(['given', 'withdrawn']);
    expect(rows[1]?.recorded_by).toBe('Jo Bloggs');
    expect(query(ws.db, "SELECT * FROM audit WHERE action LIKE 'consent.%'")).toHaveLength(2);

    const shown = ws.run(['consent', '007', '--show']);
    expect(shown.stdout).toMatch(/2026-03-20 +share-with-health +given +Hazel Quillfeather +paper/);
    expect(shown.stdout).toMatch(/2026-04-01 +share-with-health +withdrawn .*phoned in/);
    const json = JSON.parse(ws.run(['consent', '007', '--json']).stdout);
    expect(json.ref).toBe('007');
    expect(json.consents.map((c: { status: string }) => c.status)).toEqual(['given', 'withdrawn']);
  });

  it('refuses a method it does not know, naming the valid ones, and saves nothing', () => {
    const result = ws.run([...TODAY, 'consent', '007', '--method', 'fax']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--method must be one of paper, verbal, electronic; not "fax"');
    expect(query(ws.db, 'SELECT * FROM consents')).toHaveLength(0);
  });

  it('refuses a date in the future or before birth', () => {
    expect(ws.run([...TODAY, 'consent', '007', '--method', 'paper', '--on', '2026-04-02']).stderr).toContain('is in the future');
    const early = ws.run([...TODAY, 'consent', '007', '--method', 'paper', '--on', '2024-03-09']);
    expect(early.code).toBe(2);
    expect(early.stderr).toContain("before the child's date of birth");
    expect(query(ws.db, 'SELECT * FROM consents')).toHaveLength(0);
  });

  it('without a terminal, names the flags it needs', () => {
    const noMethod = ws.run([...TODAY, 'consent', '007']);
    expect(noMethod.code).toBe(2);
    expect(noMethod.stderr).toContain('consent needs --method');
    const noParent = ws.run([...TODAY, 'consent', 'B2', '--method', 'paper']);
    expect(noParent.code).toBe(2);
    expect(noParent.stderr).toContain('--by-parent');
    expect(ws.run([...TODAY, 'consent', 'B2', '--method', 'paper', '--by-parent', 'Ana Brightwater']).code).toBe(0);
  });

  it('warns when a Parental Declaration is recorded for a child not marked funded', () => {
    const result = ws.run([...TODAY, 'consent', '007', '--kind', 'parental-declaration', '--method', 'electronic']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('warning: 007 is not marked as funded');
    const funded = ws.run([...TODAY, 'consent', 'B2', '--kind', 'parental-declaration', '--method', 'paper', '--by-parent', 'Ana B']);
    expect(funded.stderr).not.toContain('warning');
    expect(ws.run([...TODAY, 'consent', '007', '--kind', 'photos', '--method', 'paper']).stderr).toContain(
      '--kind must be one of share-with-health, parental-declaration',
    );
  });

  it('says which child it does not know', () => {
    const result = ws.run([...TODAY, 'consent', 'nobody', '--method', 'paper']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no child with the ref "nobody"');
  });
});
