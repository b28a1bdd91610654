import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CalendarDate, addDays, fromYmd, ymd } from '../../src/domain/calendar.js';
import { headerKey, normalisePostcode, parseRosterDate, parseYesNo, validateRow } from '../../src/domain/roster.js';
import { planLayout } from '../../src/domain/roster-layout.js';

const mapHeaders = (headers: string[], overrides: string[] = []) => {
  const l = planLayout(headers, overrides);
  const columns = headers.map((h) => Object.entries(l.sources).find(([, s]) => s === `"${h}"`)?.[0] ?? null);
  return { columns, problems: l.problems, missing: l.missing, choices: l.choices };
};

const TODAY = '2026-11-23' as CalendarDate;
const date = (t: string) => {
  const r = parseRosterDate(t, TODAY);
  return 'date' in r ? r.date : `problem: ${r.problem}`;
};

const anyDate = fc.integer({ min: 0, max: 2 * 365 * 80 }).map((n) => addDays(fromYmd(1960, 1, 1), n));

describe('header mapping', () => {
  it('compares headers without case, spaces or punctuation', () => {
    expect(headerKey("Child's First Name")).toBe('childsfirstname');
    expect(headerKey('D.O.B')).toBe('dob');
  });

  it('maps canonical headers and common synonyms', () => {
    const m = mapHeaders([
      'Child ID',
      "Child's first name",
      'Surname',
      'Date of birth',
      'Post Code',
      'Key worker',
      'Parent/Carer',
      'Notes',
    ]);
    expect(m.problems).toEqual([]);
    expect(m.columns).toEqual(['ref', 'first_name', 'last_name', 'dob', 'postcode', 'key_person', 'parent_name', null]);
    expect(mapHeaders(['ref', 'Forename', 'Family name', 'DOB']).columns).toEqual(['ref', 'first_name', 'last_name', 'dob']);
  });

  it('takes --map either way round, and it wins over a synonym', () => {
    const m = mapHeaders(
      ['Pupil', 'Given', 'Family', 'Born on', 'ID'],
      ['ref=Pupil', 'Given=first_name', 'last_name=Family', 'dob=Born on'],
    );
    expect(m.problems).toEqual([]);
    expect(m.columns).toEqual(['ref', 'first_name', 'last_name', 'dob', null]);
  });

  it('names the missing fields', () => {
    expect(mapHeaders(['Kid', 'Born on']).missing).toEqual(['first_name', 'last_name', 'dob']);
  });

  it('chooses between two columns for one field, and says so; refuses a bad --map', () => {
    const m = mapHeaders(['ref', 'Surname', 'Last name', 'first_name', 'dob']);
    expect(m.columns).toEqual(['ref', 'last_name', null, 'first_name', 'dob']);
    expect(m.choices).toEqual(['last_name: used "Surname"; not "Last name"']);
    expect(mapHeaders(['ref'], ['nonsense']).problems[0]).toContain('--map "nonsense"');
    expect(mapHeaders(['ref', 'first_name', 'last_name', 'dob'], ['room=Class']).problems[0]).toContain('no column "class"');
  });
});

describe('dates', () => {
  it('reads UK, ISO and Excel dates', () => {
    expect(date('12/03/2024')).toBe('2024-03-12');
    expect(date('1/2/2024')).toBe('2024-02-01');
    expect(date('12.03.2024')).toBe('2024-03-12');
    expect(date('2024-03-12')).toBe('2024-03-12');
    expect(date('45000')).toBe('2023-03-15');
    expect(date('1000')).toBe('1902-09-26');
  });

  it('reads a two-digit year as this century unless that is after this year', () => {
    expect(date('3/4/24')).toBe('2024-04-03');
    expect(date('3/4/26')).toBe('2026-04-03');
    expect(date('3/4/27')).toBe('1927-04-03');
  });

  it('refuses impossible and month-first dates', () => {
    expect(date('31/02/2024')).toContain('not a date that exists');
    expect(date('29/02/2023')).toContain('not a date that exists');
    expect(date('29/02/2024')).toBe('2024-02-29');
    expect(date('12/31/2024')).toContain('read day first');
    expect(date('next tuesday')).toContain('dd/mm/yyyy');
  });

  it('reads every real date the same in UK, ISO and Excel form', () => {
    fc.assert(
      fc.property(anyDate, (d) => {
        const { year, month, day } = ymd(d);
        const serial = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
        expect(date(`${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`)).toBe(d);
        expect(date(`${day}/${month}/${year}`)).toBe(d);
        expect(date(d)).toBe(d);
        if (serial >= 1000 && serial < 100000) expect(date(String(serial))).toBe(d);
      }),
    );
  });

  it('never accepts a day past the end of its month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const last = ymd(addDays(m === 12 ? fromYmd(y + 1, 1, 1) : fromYmd(y, m + 1, 1), -1)).day;
        expect(date(`${last + 1}/${m}/${y}`)).toContain('problem');
      }),
    );
  });
});

describe('rows', () => {
  const good = { ref: '007', first_name: ' Zoë ', last_name: 'Brontë', dob: '01/02/2024' };

  it('keeps refs and names as text', () => {
    const { values, problems } = validateRow(good, TODAY);
    expect(problems).toEqual([]);
    expect(values).toMatchObject({ ref: '007', first_name: 'Zoë', last_name: 'Brontë', dob: '2024-02-01' });
  });

  it('reports every problem in a row, by field', () => {
    const { problems } = validateRow(
      { ref: '', first_name: 'A', last_name: 'B', dob: '01/01/2030', postcode: 'nope', funded: 'maybe' },
      TODAY,
    );
    expect(problems.map((p) => p.field)).toEqual(['ref', 'dob', 'postcode', 'funded']);
    expect(validateRow({ first_name: 'x'.repeat(201) }, TODAY).problems[0]?.problem).toContain('at most 200');
    expect(validateRow({ first_name: 'Nguy?n' }, TODAY).warnings[0]?.problem).toContain('CSV UTF-8');
  });

  it('refuses a birth in the future and a child implausibly old, for any today', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 4000 }), (today, days) => {
        const future = addDays(today, days);
        expect(validateRow({ ...good, dob: future }, today).problems[0]?.problem).toContain('future');
        expect(validateRow({ ...good, dob: today }, today).problems).toEqual([]);
      }),
    );
    expect(validateRow({ ...good, dob: '2019-11-23' }, TODAY).problems[0]?.problem).toContain('too old');
    expect(validateRow({ ...good, dob: '2019-11-24' }, TODAY).problems).toEqual([]);
  });

  it('refuses a start before birth', () => {
    expect(validateRow({ ...good, start_date: '01/01/2023' }, TODAY).problems[0]?.field).toBe('start_date');
  });
});

describe('postcodes and yes/no', () => {
  it('normalises UK postcodes', () => {
    expect(normalisePostcode('st135aa')).toBe('ST13 5AA');
    expect(normalisePostcode(' ws11  4af ')).toBe('WS11 4AF');
    expect(normalisePostcode('B79 7QE')).toBe('B79 7QE');
    expect(normalisePostcode('EC1A 1BB')).toBe('EC1A 1BB');
    expect(normalisePostcode('ZZ')).toBeNull();
    expect(normalisePostcode('12345')).toBeNull();
  });

  it('reads funded as yes or no', () => {
    for (const y of ['yes', 'Y', 'TRUE', '1']) expect(parseYesNo(y)).toBe(true);
    for (const n of ['no', 'N', 'false', '0']) expect(parseYesNo(n)).toBe(false);
    expect(parseYesNo('')).toBeNull();
    expect(parseYesNo('maybe')).toBeUndefined();
  });
});

describe('whitespace in names', () => {
  it('collapses every run of whitespace to one space, whatever the characters (fast path included)', () => {
    const blank = fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', '\r\n', '\u2003', ' \t ');
    const name = fc
      .array(fc.oneof(fc.constantFrom('Ada', 'Zoë', "O'Neil", 'x'), blank), { minLength: 1, maxLength: 8 })
      .map((p) => `Z${p.join('')}`);
    fc.assert(
      fc.property(name, (first) => {
        const { values } = validateRow({ first_name: first }, TODAY);
        expect(values.first_name).toBe(first.trim().replace(/\s+/g, ' '));
      }),
    );
  });
});
