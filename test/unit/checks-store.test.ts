import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/domain/calendar.js';
import { checkLayout, fill, layoutFile, loadCheckLayout } from '../../src/documents/check-layout.js';
import { TEMPLATES_DIR } from '../../src/store/areas.js';
import {
  checksForChild,
  currentCheck,
  discardDraft,
  draftCheck,
  nextVersion,
  recordCompletedCheck,
  recordShared,
  saveDraft,
} from '../../src/store/checks.js';
import { openDatabase } from '../../src/store/db.js';

const d = (s: string) => s as CalendarDate;
const actor = { by: 'tester', at: '2026-06-01T09:00:00.000Z' };

function freshDb() {
  const db = openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'twocheck-store-')), 'db.sqlite'));
  db.prepare(
    `INSERT INTO children (ref, first_name, last_name, dob, created_at, updated_at) VALUES ('A', 'Ann', 'Test', '2024-01-01', 'x', 'x')`,
  ).run();
  return { db, childId: 1 };
}

const completed = (version: number, extra: Partial<Parameters<typeof recordCompletedCheck>[1]> = {}) => ({
  childId: 1,
  version,
  completedOn: d('2026-06-01'),
  practitioner: 'Sam',
  keyPerson: null,
  data: { v: version },
  pdfPath: `/x/v${version}.pdf`,
  pdfSha256: 'ab',
  sharedOn: null,
  amendReason: null,
  recordedOn: d('2026-06-01'),
  lessThanExpected: false,
  ...extra,
});

describe('the record of checks', () => {
  it('keeps one draft per child, replaced as sections are saved, and turns it into version 1', () => {
    const { db, childId } = freshDb();
    expect(nextVersion(db, childId)).toBe(1);
    saveDraft(db, childId, { completed_on: '2026-06-01' }, actor);
    saveDraft(db, childId, { completed_on: '2026-06-01', areas: {} }, actor);
    expect(checksForChild(db, childId)).toHaveLength(1);
    expect(draftCheck(db, childId)?.data).toEqual({ completed_on: '2026-06-01', areas: {} });
    expect(currentCheck(db, childId)).toBeNull();
    recordCompletedCheck(db, completed(1), actor);
    expect(draftCheck(db, childId)).toBeNull();
    expect(currentCheck(db, childId)?.version).toBe(1);
    const actions = db
      .prepare('SELECT action FROM audit ORDER BY id')
      .all()
      .map((r) => (r as { action: string }).action);
    expect(actions).toEqual(['check.draft-saved', 'check.draft-saved', 'check.completed']);
  });

  it('keeps earlier versions when amended, and refuses a version number already taken', () => {
    const { db, childId } = freshDb();
    recordCompletedCheck(db, completed(1), actor);
    expect(() => recordCompletedCheck(db, completed(1), actor)).toThrow(/recorded meanwhile/);
    recordCompletedCheck(db, completed(2, { amendReason: 'typo' }), actor);
    expect(checksForChild(db, childId).map((c) => [c.version, c.pdfPath, c.amendReason])).toEqual([
      [1, '/x/v1.pdf', null],
      [2, '/x/v2.pdf', 'typo'],
    ]);
    expect(currentCheck(db, childId)?.version).toBe(2);
  });

  it('records sharing on the version given and can discard a draft', () => {
    const { db, childId } = freshDb();
    const rec = recordCompletedCheck(db, completed(1), actor);
    recordShared(db, rec.id, childId, d('2026-06-02'), actor);
    expect(currentCheck(db, childId)?.sharedOn).toBe('2026-06-02');
    saveDraft(db, childId, {}, actor);
    expect(draftCheck(db, childId)?.version).toBe(2);
    expect(discardDraft(db, childId, actor)).toBe(true);
    expect(discardDraft(db, childId, actor)).toBe(false);
  });
});

describe('the Progress Check layout', () => {
  it('ships a layout that passes its own check', () => {
    expect(loadCheckLayout(layoutFile(TEMPLATES_DIR)).title).toBe('Progress Check at age two');
  });

  it('names what an edit broke', () => {
    const good = JSON.parse(fs.readFileSync(layoutFile(TEMPLATES_DIR), 'utf8'));
    delete good.headings.parents_box;
    good.labels.next_steps = '';
    good.parents_box = 'one string';
    expect(checkLayout(good)).toEqual([
      'headings.parents_box: must be text',
      'labels.next_steps: must be text',
      'parents_box: must be a list of paragraphs',
    ]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'twocheck-layout-')), 'layout.json');
    fs.writeFileSync(file, '{');
    expect(() => loadCheckLayout(file)).toThrow(/layout\.json:1:2: the Progress Check layout is not valid JSON/);
  });

  it('fills known placeholders and leaves unknown ones visible', () => {
    expect(fill('{child} at {setting} {nope}', { child: 'Ann', setting: 'Acorns' })).toBe('Ann at Acorns {nope}');
  });
});
