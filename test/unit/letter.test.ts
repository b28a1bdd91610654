import { describe, expect, it } from 'vitest';
import { letterFields, recipientOf } from '../../src/documents/fields.js';
import { linesOf, renderLetter, sameFontJoined, wordsOf } from '../../src/documents/letter.js';
import { loadTemplate } from '../../src/documents/template-files.js';
import type { CalendarDate } from '../../src/domain/calendar.js';
import type { HubAnswer } from '../../src/domain/hub.js';
import type { Child } from '../../src/store/children.js';
import type { Setting } from '../../src/store/setting.js';
import { pdfText } from '../helpers/pdf.js';

const today = '2026-11-23' as CalendarDate;
const createdAt = new Date('2026-11-23T09:00:00Z');
const env = { TWOCHECK_CONFIG_DIR: '/nonexistent-twocheck-config' };
const setting: Setting = {
  name: 'Little Acorns Nursery',
  address: '1 Church Street, Leek',
  postcode: 'ST13 5AA',
  phone: '01538 000111',
  email: null,
  manager: 'Jo Bloggs',
  urn: null,
  area: 'staffordshire',
  logo: null,
};
const child: Child = {
  id: 1,
  ref: 'A1',
  firstName: 'Zoë',
  lastName: 'Wiśniewska',
  dob: '2024-11-20' as CalendarDate,
  address: '4 Mill Lane, Leek',
  postcode: 'ST13 6BB',
  parentName: 'Łucja Wiśniewska',
  parent2Name: 'Ştefan Wiśniewski',
  parentEmail: null,
  parentPhone: null,
  keyPerson: 'Amy Khan',
  room: null,
  language: null,
  funded: true,
  family: null,
  startDate: null,
  leftOn: null,
};
const west: HubAnswer = {
  kind: 'found',
  hub: { id: 'west', name: 'West Hub', phone: '0300 303 3923' },
  locality: 'Staffordshire Moorlands',
  matched: 'ST13',
};
const unsure: HubAnswer = { kind: 'unsure', reason: 'not built', candidates: [], hubs: [] };

async function render(c: Child, hub: HubAnswer, s: Setting = setting) {
  return renderLetter({
    setting: s,
    template: loadTemplate('parent-letter', c.language, env),
    fields: letterFields(s, c, hub, today),
    date: today,
    recipient: recipientOf(c),
    createdAt,
  });
}

describe('the parent letter', () => {
  it('prints the letterhead, the parents, the child, the review in two parts and the Hub number', async () => {
    const letter = await render(child, west);
    const text = (await pdfText(letter.pdf)).replace(/\s+/g, ' ');
    for (const words of [
      'Little Acorns Nursery',
      '01538 000111',
      'Łucja Wiśniewska and Ştefan Wiśniewski',
      '4 Mill Lane',
      'ST13 6BB',
      '23 November 2026',
      'Zoë turned two on 20 November 2026',
      'Health and Development Review',
      'ASQ-3',
      'red book',
      'Parental Declaration',
      'West Hub',
      '0300 303 3923',
      'Jo Bloggs',
      'Manager, Little Acorns Nursery',
    ]) {
      expect(text).toContain(words);
    }
    // the Hub's limit on sharing is for the setting, not the parents
    expect(text).not.toContain('only once');
    expect(letter.missingGlyphs).toEqual([]);
  });

  it('never ends a line inside the Hub or setting phone number, wherever the words before it fall', async () => {
    // the child's name comes just before the Hub number, the key person's before the setting's:
    // 24 lengths move each across a whole line
    const abroad = { ...setting, phone: '+44 (0)1538 000111' };
    for (let length = 1; length <= 24; length++) {
      const firstName = 'Zoë'.padEnd(length, 'a');
      const keyPerson = 'Amy'.padEnd(length, 'y');
      const lines = (await pdfText((await render({ ...child, firstName, keyPerson }, west, abroad)).pdf)).split('\n').map((l) => l.trim());
      expect(
        lines.some((l) => l.includes('0300 303 3923')),
        `first name ${firstName}`,
      ).toBe(true);
      expect(
        lines.some((l) => l.includes('+44 (0)1538 000111') && !l.startsWith('Phone')),
        `key person ${keyPerson}`,
      ).toBe(true);
      // nor does a full stop or comma after a bold word start a line of its own
      expect(
        lines.filter((l) => /^[.,;:]/.test(l)),
        `first name ${firstName}`,
      ).toEqual([]);
    }
  }, 60000);

  it('keeps closing punctuation with the word before it, in its own font: bold never swallows it', () => {
    const words = wordsOf([
      { text: 'phone ', bold: false },
      { text: '0300\u00a0303\u00a03923', bold: true },
      { text: '. The Hub', bold: false },
    ]);
    expect(words.map((w) => w.segments)).toEqual([
      [{ text: 'phone', bold: false }],
      [
        { text: '0300\u00a0303\u00a03923', bold: true },
        { text: '.', bold: false },
      ],
      [{ text: 'The', bold: false }],
      [{ text: 'Hub', bold: false }],
    ]);
    // one character one unit: the number and its full stop never part, and the stop stays regular
    const measure = (s: { text: string }) => s.text.length;
    for (const width of [5, 13, 14, 15, 20, 40]) {
      const lines = linesOf(words, measure, width);
      expect(lines.every((l) => !/^[.,;:]/.test(l[0]!.text))).toBe(true);
      const withStop = lines.find((l) => l.some((s) => s.text.includes('3923')))!;
      expect(withStop.find((s) => s.text.startsWith('.'))).toMatchObject({ bold: false });
    }
    expect(
      linesOf(
        wordsOf([
          { text: 'the ', bold: false },
          { text: 'West Hub', bold: true },
          { text: ', phone', bold: false },
        ]),
        measure,
        40,
      ),
    ).toEqual([
      [
        { text: 'the ', bold: false },
        { text: 'West Hub', bold: true },
        { text: ', phone', bold: false },
      ],
    ]);
  });

  it('says "turns two" before the birthday and "turned two" after it', async () => {
    const before = (await pdfText((await render({ ...child, dob: '2024-12-03' as CalendarDate }, west)).pdf)).replace(/\s+/g, ' ');
    expect(before).toContain('Zoë turns two on 3 December 2026');
    expect(before).not.toContain('turned two');
  });

  it('prints no number when the Hub is unsure, and sends parents to the health visiting service', async () => {
    const text = (await pdfText((await render({ ...child, funded: false }, unsure)).pdf)).replace(/\s+/g, ' ');
    expect(text).not.toMatch(/0300/);
    expect(text).toContain('ask the health visiting service');
    expect(text).not.toContain('Parental Declaration');
  });

  it('uses the Polish variant for a child whose roster language is Polish', async () => {
    const text = await pdfText((await render({ ...child, language: 'Polish' }, west)).pdf);
    expect(text).toContain('Ocena postępów');
  });

  it('gives the same bytes for the same input', async () => {
    expect((await render(child, west)).pdf.equals((await render(child, west)).pdf)).toBe(true);
  });

  it('reports characters the font cannot draw instead of dropping them silently', async () => {
    const letter = await render({ ...child, firstName: '李' }, west);
    expect(letter.missingGlyphs).toEqual(['李']);
  });

  it('reports a logo it cannot read and still writes the letter', async () => {
    const letter = await render(child, west, { ...setting, logo: '/nonexistent/logo.png' });
    expect(letter.problems.join()).toContain('/nonexistent/logo.png');
    expect(letter.pdf.length).toBeGreaterThan(1000);
  });

  it('draws neighbouring runs in the same font as one piece, keeping bold apart from regular', () => {
    const runs = [
      { text: 'Please ', bold: false },
      { text: 'take', bold: true },
      { text: ' it', bold: true },
      { text: '.', bold: false },
    ];
    expect(sameFontJoined(runs, false)).toEqual([
      { text: 'Please ', bold: false },
      { text: 'take it', bold: true },
      { text: '.', bold: false },
    ]);
    expect(sameFontJoined(runs, true)).toEqual([{ text: 'Please take it.', bold: true }]);
    expect(runs[1]).toEqual({ text: 'take', bold: true });
    expect(sameFontJoined([], false)).toEqual([]);
  });
});
