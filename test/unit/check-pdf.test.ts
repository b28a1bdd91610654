import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderCheckPdf, type CheckDocument } from '../../src/documents/check.js';
import { layoutFile, loadCheckLayout } from '../../src/documents/check-layout.js';
import type { CalendarDate } from '../../src/domain/calendar.js';
import { validateCheck } from '../../src/domain/progress-check.js';
import { TEMPLATES_DIR } from '../../src/store/areas.js';
import type { Child } from '../../src/store/children.js';
import { pdfText } from '../helpers/pdf.js';
import { pagesAsRead } from '../helpers/pdf-pages.js';

const d = (s: string) => s as CalendarDate;
const example = JSON.parse(fs.readFileSync(new URL('../../examples/progress-check.json', import.meta.url), 'utf8'));
const child = {
  id: 1,
  ref: 'A1',
  firstName: 'Ioana',
  lastName: 'Popescu',
  dob: d('2024-02-29'),
  address: null,
  postcode: 'ST13 5AA',
  keyPerson: 'Sam Key',
} as Child;
const setting = {
  name: 'Little Acorns',
  address: '1 Church St',
  postcode: 'ST13 5AA',
  phone: '01538 000111',
  email: null,
  manager: null,
  urn: null,
  area: 'staffordshire',
  logo: null,
};

function doc(raw: unknown, over: Partial<CheckDocument> = {}, today = '2026-06-01'): CheckDocument {
  const v = validateCheck(raw, { today: d(today), childDob: child.dob, keyPerson: 'Sam Key', by: 'x' });
  if (!v.ok) throw new Error(v.problems.join('\n'));
  return {
    setting,
    child,
    check: v.check,
    version: 1,
    amendReason: null,
    layout: loadCheckLayout(layoutFile(TEMPLATES_DIR)),
    hub: { kind: 'unsure', reason: 'stub', candidates: [], hubs: [] },
    consent: { ok: false, missing: 'never', since: null, reason: 'none' },
    createdAt: new Date('2026-06-01T00:00:00Z'),
    ...over,
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
    const found = await pdfText(
      await renderCheckPdf(
        doc(example, {
          hub: {
            kind: 'found',
            hub: { id: 'n', name: 'North Staffordshire Hub', phone: '0300 111 2222' },
            locality: 'Leek',
            matched: 'ST13',
          },
        }),
      ),
    );
    expect(found.replace(/\s+/g, ' ')).toContain('North Staffordshire Hub, telephone 0300 111 2222');
    const unsure = await pdfText(await renderCheckPdf(doc(example)));
    expect(unsure).not.toContain('0300');
    expect(unsure).toContain('Ask us or your GP');
  });

  it('gives the same bytes for the same check, and says when a version is an amendment', async () => {
    const a = await renderCheckPdf(doc(example));
    const b = await renderCheckPdf(doc(example));
    expect(a.equals(b)).toBe(true);
    const amended = await pdfText(await renderCheckPdf(doc(example, { version: 2, amendReason: 'Parents added comments' })));
    expect(amended).toContain('Amended version. Reason: Parents added comments');
  });

  const flat = async (input: CheckDocument) => (await pdfText(await renderCheckPdf(input))).replace(/\s+/g, ' ');

  it('says it was written with the parents only when their comments are recorded', async () => {
    const withParents = await flat(doc(example));
    expect(withParents).toContain('written by Little Acorns with Ioana’s parents');
    const without = structuredClone(example);
    delete without.parents_comments;
    const alone = await flat(doc(without));
    expect(alone).toContain('written by Little Acorns, as the Early Years Foundation Stage asks');
    expect(alone).not.toContain('parents,');
    expect(alone).not.toContain('Parents’ comments');
  });

  it('carries the letterhead and states the consent to share', async () => {
    const none = await flat(doc(example));
    expect(none).toContain('Little Acorns');
    expect(none).toContain('Phone 01538 000111');
    expect(none).toContain('No consent to share with the health visiting service is recorded');
    const given = await flat(doc(example, { consent: { ok: true, since: d('2026-05-02'), givenBy: 'Maria Popescu' } }));
    expect(given).toContain(
      'Maria Popescu gave consent on 2 May 2026 for this Progress Check to be shared with the health visiting service.',
    );
    const withdrawn = await flat(doc(example, { consent: { ok: false, missing: 'withdrawn', since: d('2026-05-20'), reason: 'x' } }));
    expect(withdrawn).toContain('withdrawn on 20 May 2026');
  });

  it('prints the new record fields only where recorded, and no empty headings', async () => {
    const full = {
      ...example,
      home_language: 'Romanian',
      home_language_explored: 'Talked with mum about words used at home',
      learning_at_home: 'Share books at bedtime',
      other_professionals: 'Speech therapist: no concerns',
      targeted_plan: 'Small group talk time with the SENCO',
      agreed_with_parents_on: '2026-05-28',
      parents_health_summary: 'Grommets fitted in March',
    };
    const text = await flat(doc(full));
    for (const words of [
      'Romanian',
      'Talked with mum about words used at home',
      'Share books at bedtime',
      'Speech therapist: no concerns',
      'Small group talk time with the SENCO',
      '28 May 2026',
      'Grommets fitted in March',
    ])
      expect(text).toContain(words);
    const plain = await flat(doc(example));
    for (const heading of ['Home language', 'Supporting learning at home', 'Other professionals', 'summary of the child’s health'])
      expect(plain).not.toContain(heading);
  });

  it('tells parents the timing true for the child, and never the Hub’s limit on sharing', async () => {
    const at27 = await flat(doc(example));
    expect(at27).toContain('in the next few months, before Ioana is two and a half');
    expect(at27).not.toContain('only once the 0–19');
    const late = await flat(doc({ ...example, completed_on: '2027-04-01' }, {}, '2027-04-01'));
    expect(late).not.toMatch(/between 2 and 2½|between two and two and a half/);
    expect(late).toContain('if Ioana has not had it yet');
  });

  it('names the right service, and no Hub, for a home the Hubs do not cover', async () => {
    const text = await flat(
      doc(example, {
        hub: {
          kind: 'not-covered',
          matched: 'Hanley',
          reason:
            'Hanley is not covered by the Staffordshire County Hubs: it is served by Stoke-on-Trent City Council’s own health visiting service',
        },
      }),
    );
    expect(text).toContain('Your home is served by Stoke-on-Trent City Council’s own health visiting service');
    expect(text).not.toContain('Hub');
  });

  it('uses typographic apostrophes in its own words', () => {
    const layout = JSON.stringify(loadCheckLayout(layoutFile(TEMPLATES_DIR)));
    expect(layout).not.toMatch(/[A-Za-z]'[A-Za-z]/);
  });
});

describe('the Progress Check PDF fills its pages sensibly', () => {
  const pagesOf = async (input: CheckDocument) => (await pagesAsRead(await renderCheckPdf(input))).map((p) => p.text.replace(/\s+/g, ' '));

  it.each([
    ['with the parents’ comments', example],
    ['without them', { ...example, parents_comments: undefined }],
  ])('%s: the specific areas stay on page 1, and the signatures never stand alone on a page', async (_name, raw) => {
    const pages = await pagesOf(doc(raw));
    expect(pages[0]).toContain('Notes on the specific areas');
    const signed = pages.find((p) => p.includes('Signatures'))!;
    // the page with the signatures also holds the part of the check before them
    expect(signed).toContain('The child’s voice');
    if ((raw as { parents_comments?: string }).parents_comments) expect(signed).toContain('Parents’ comments');
  });

  it('names “the West Hub”, and sets straight apostrophes from data and layout as typographic ones', async () => {
    const west = (
      await pagesOf(
        doc(example, {
          hub: { kind: 'found', hub: { id: 'west', name: 'West Hub', phone: '0300 303 3923' }, locality: 'Leek', matched: 'ST13' },
        }),
      )
    ).join(' ');
    expect(west).toContain('for your area is the West Hub, telephone 0300 303 3923');
    const stoke = (
      await pagesOf(
        doc(example, {
          hub: {
            kind: 'not-covered',
            matched: 'ST1',
            reason:
              "ST1 is not covered by the Staffordshire County Hubs: it is served by Stoke-on-Trent City Council's own health visiting service",
          },
        }),
      )
    ).join(' ');
    expect(stoke).toContain('Stoke-on-Trent City Council’s own health visiting service');
    expect(stoke).not.toContain("Council's");
  });
});
