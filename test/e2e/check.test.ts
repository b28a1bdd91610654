import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { londonDate } from '../../src/domain/calendar.js';
import { ROOT, SETTING_FLAGS, workspace } from '../helpers/cli.js';
import { query } from '../helpers/children.js';
import { seedChildren } from '../helpers/seed.js';
import { pdfInfo, pdfStructure, pdfText } from '../helpers/pdf.js';

const EXAMPLE = path.join(ROOT, 'examples', 'progress-check.json');
const ENV = { TWOCHECK_TODAY: '2026-06-01', TWOCHECK_BY: 'manager', SOURCE_DATE_EPOCH: '1780000000' };
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

interface Row {
  version: number;
  status: string;
  pdf_path: string;
  pdf_sha256: string;
  shared_on: string | null;
  amend_reason: string | null;
  practitioner: string;
  recorded_on: string;
}

describe('twocheck check', () => {
  let ws: ReturnType<typeof workspace>;
  beforeEach(() => {
    ws = workspace(ENV);
    expect(ws.run(SETTING_FLAGS).code).toBe(0);
    seedChildren(ws.db, [{ ref: '007', first: 'Zoë', last: 'Ashworth', dob: '2024-03-15', keyPerson: 'Sam Key' }]);
  });

  it('writes the PDF from the shipped example, then keeps the record with its SHA-256', async () => {
    const r = ws.run(['check', '007', '--from', EXAMPLE]);
    expect(r.stderr).toContain('recorded (version 1)');
    expect(r.code).toBe(0);
    const file = r.stdout.trim();
    expect(file).toBe(path.join(ws.dir, 'checks', 'Ashworth-Zoe-007-progress-check-v1.pdf'));
    const [row] = query<Row>(ws.db, 'SELECT * FROM checks');
    expect(row).toMatchObject({
      version: 1,
      status: 'completed',
      pdf_path: file,
      pdf_sha256: sha(file),
      practitioner: 'Sam Key',
      shared_on: null,
    });
    const text = await pdfText(file);
    for (const expected of [
      'Progress Check at age two',
      'Little Acorns Nursery',
      'Zoë Ashworth',
      '15 March 2024',
      '26 months (2 years 2 months)',
      'Communication and Language',
      'Personal, Social and Emotional Development',
      'Physical Development',
      'Uses around 50 words',
      'As expected for the child’s age',
      'Next steps',
      'Mathematics',
      'Parents’ comments',
      'Me do it!',
      'Plan agreed with parents',
      'Parent or carer',
      'Health and Development Review',
      'ASQ-3',
      'red book',
      'No consent to share with the health visiting service is recorded',
      'Page 1 of',
      'Progress Check: Zoë Ashworth',
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('only once the 0–19'); // said to the setting, not on the parents' copy
    expect(text).not.toMatch(/telephone \d/); // the Hub lookup is unsure: no number is printed
    const { pages } = await pdfInfo(file);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    const audit = query<{ action: string }>(ws.db, "SELECT action FROM audit WHERE action LIKE 'check.%'");
    expect(audit.map((a) => a.action)).toEqual(['check.completed']);
    // tagged for a screen reader: a title, then each part's heading before its paragraphs
    const { marked, roles } = await pdfStructure(file);
    expect(marked).toBe(true);
    expect(roles.slice(0, 4)).toEqual(['Document', 'P', 'P', 'H1']); // the letterhead (name, address), then the title
    expect(roles.filter((r) => r === 'H2').length).toBeGreaterThanOrEqual(2); // page 1: about the child, the prime areas
    expect(roles.indexOf('H3')).toBeGreaterThan(roles.indexOf('H2'));
  });

  it('refuses a file with mistakes, naming each field, and changes nothing', () => {
    const bad = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
    bad.areas.communication_and_language.progress = 'fine';
    bad.areas.physical.progress = 'less-than-expected';
    bad.parent_comments = 'typo';
    const file = ws.write('bad.json', JSON.stringify(bad));
    const r = ws.run(['check', '007', '--from', file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('areas.communication_and_language.progress: must be "expected" or "less-than-expected"');
    expect(r.stderr).toContain('areas.physical.concerns: required when progress is "less-than-expected"');
    expect(r.stderr).toContain('parent_comments: unknown field');
    expect(query(ws.db, 'SELECT * FROM checks')).toEqual([]);
    expect(fs.existsSync(path.join(ws.dir, 'checks'))).toBe(false);
    const notJson = ws.run(['check', '007', '--from', ws.write('x.json', '{ nope')]);
    expect(notJson.code).toBe(3);
    expect(notJson.stderr).toContain('x.json:1:3: not valid JSON; nothing was saved');
  });

  it('refuses before the second birthday unless --force with a reason', () => {
    seedChildren(ws.db, [{ ref: 'Y1', first: 'Baby', last: 'Young', dob: '2024-07-01' }]);
    const r = ws.run(['check', 'Y1', '--from', EXAMPLE]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("before the child's second birthday");
    expect(ws.run(['check', 'Y1', '--from', EXAMPLE, '--force']).code).toBe(2);
    const forced = ws.run(['check', 'Y1', '--from', EXAMPLE, '--force', '--reason', 'Family moving abroad']);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toContain('Family moving abroad');
    const [audit] = query<{ details: string }>(ws.db, "SELECT details FROM audit WHERE action = 'check.completed'");
    expect(JSON.parse(audit?.details ?? '{}').forced).toBe('Family moving abroad');
  });

  it('refuses a second check without --amend; an amendment keeps the earlier version and its PDF', () => {
    const first = ws.run(['check', '007', '--from', EXAMPLE]).stdout.trim();
    const firstSha = sha(first);
    const again = ws.run(['check', '007', '--from', EXAMPLE]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already has a completed Progress Check');
    expect(again.stderr).toContain('--amend');
    expect(ws.run(['check', '007', '--from', EXAMPLE, '--amend']).code).toBe(2);
    const amended = ws.run(['check', '007', '--from', EXAMPLE, '--amend', '--reason', 'Parents added their comments']);
    expect(amended.code).toBe(0);
    const second = amended.stdout.trim();
    expect(second).toMatch(/-v2\.pdf$/);
    expect(sha(first)).toBe(firstSha);
    const rows = query<Row>(ws.db, 'SELECT * FROM checks ORDER BY version');
    expect(rows.map((r) => [r.version, r.status, r.amend_reason])).toEqual([
      [1, 'completed', null],
      [2, 'completed', 'Parents added their comments'],
    ]);
    expect(rows[0]?.pdf_path).toBe(first);
    // recorded on the real day in England, not on --today, so a replay never sees it early
    expect(rows[1]?.recorded_on).toBe(londonDate(new Date()));
    const json = JSON.parse(ws.run(['check', '007', '--show', '--json']).stdout);
    expect(json.versions.map((v: { version: number; pdfPath: string }) => [v.version, v.pdfPath])).toEqual([
      [1, first],
      [2, second],
    ]);
  });

  it('records the copy given to parents on the current version, audited', () => {
    expect(ws.run(['check', '007', '--shared', '2026-06-01']).code).toBe(1); // nothing to share yet
    ws.run(['check', '007', '--from', EXAMPLE]);
    expect(ws.run(['check', '007', '--shared', '2026-06-09']).code).toBe(2); // future
    expect(ws.run(['check', '007', '--shared', '1st June']).code).toBe(2);
    const r = ws.run(['check', '007', '--shared', '2026-06-01']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('given to parents on 2026-06-01');
    expect(query<Row>(ws.db, 'SELECT shared_on FROM checks')).toEqual([{ shared_on: '2026-06-01' }]);
    expect(query(ws.db, "SELECT by FROM audit WHERE action = 'check.shared'")).toEqual([{ by: 'manager' }]);
  });

  it('needs a terminal or --from, and a known child', () => {
    const r = ws.run(['check', '007']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--from');
    expect(ws.run(['check', 'nobody', '--from', EXAMPLE]).code).toBe(1);
    const missing = ws.run(['check', '007', '--from', 'no-such-check.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no-such-check.json: there is no such file');
  });
});
