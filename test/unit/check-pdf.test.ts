import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderCheckPdf, type CheckDocument } from '../../src/documents/check.js';
import { layoutFile, loadCheckLayout } from '../../src/documents/check-layout.js';
import type { CalendarDate } from '../../src/domain/calendar.js';
import { validateCheck } from '../../src/domain/progress-check.js';
import { TEMPLATES_DIR } from '../../src/store/areas.js';
import type { Child } from '../../src/store/children.js';
import { pdfText } from '../helpers/pdf.js';

const d = (s: string) => s as CalendarDate;
const example = JSON.parse(fs.readFileSync(new URL('../../examples/progress-check.json', import.meta.url), 'utf8'));
const child = {
  id: 1, ref: 'A1', firstName: 'Ioana', lastName: 'Popescu', dob: d('2024-02-29'), address: null, postcode: 'ST13 5AA',
  keyPerson: 'Sam Key',
} as Child;
const setting = { name: 'Little Acorns', address: '1 Church St', postcode: 'ST13 5AA', phone: '01538 000111', email: null, manager: null, urn: null, area: 'staffordshire', logo: null };

function doc(raw: unknown, over: Partial<CheckDocument> = {}): CheckDocument {
  const v = validateCheck(raw, { today: d('2026-06-01'), childDob: child.dob, keyPerson: 'Sam Key', by: 'x' });
  if (!v.ok) throw new Error(v.problems.join('\n'));
  return {
    setting, child, check: v.check, version: 1, amendReason: null, layout: loadCheckLayout(layoutFile(TEMPLATES_DIR)),
    hub: { kind: 'unsure', reason: 'stub', candidates: [], hubs: [] }, createdAt: new Date('2026-06-01T00:00:00Z'), ...over,
  };
}

describe('the Progress Check PDF', () => {
  it('numbers every page and names the child on each', async () => {
    const long = structuredClone(example);
    long.parents_comments = 'We are pleased with how things are going. '.repeat(120);
    const text = await pdfText(await renderCheckPdf(doc(long)));
    const pages = Number(/Page 1 of (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let n = 1; n <= pages; n++) expect(text).toContain(`Page ${n} of ${pages}`);
    expect(text.split('Progress Check: Ioana Popescu').length - 1).toBe(pages);
    expect(text).toContain('27 months');
  });

  it('prints the Hub number only when the lookup found it', async () => {
    const found = await pdfText(await renderCheckPdf(doc(example, {
      hub: { kind: 'found', hub: { id: 'n', name: 'North Staffordshire Hub', phone: '0300 111 2222' }, locality: 'Leek', matched: 'ST13' },
    })));
    expect(found.replace(/\s+/g, ' ')).toContain('North Staffordshire Hub, telephone 0300 111 2222');
    const unsure = await pdfText(await renderCheckPdf(doc(example)));
    expect(unsure).not.toContain('0300');
    expect(unsure).toContain('Ask the setting or your GP');
  });

  it('gives the same bytes for the same check, and says when a version is an amendment', async () => {
    const a = await renderCheckPdf(doc(example));
    const b = await renderCheckPdf(doc(example));
    expect(a.equals(b)).toBe(true);
    const amended = await pdfText(await renderCheckPdf(doc(example, { version: 2, amendReason: 'Parents added comments' })));
    expect(amended).toContain('Amended version. Reason: Parents added comments');
  });
});
