import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CalendarDate, addDays, fromYmd, ymd } from '../../src/domain/calendar.js';
import { DateOrderEvidence, dateEvidence, parseRosterDate } from '../../src/domain/roster-dates.js';
import { joinAddress, readFunding, splitFullName, stableKey } from '../../src/domain/roster-fields.js';
import { recognise } from '../../src/domain/roster-headers.js';
import { planLayout } from '../../src/domain/roster-layout.js';

const TODAY = '2026-11-23' as CalendarDate;
const anyDate = fc.integer({ min: 0, max: 6 * 365 }).map((n) => addDays(fromYmd(2020, 11, 24), n));
const us = (d: CalendarDate) => {
  const { year, month, day } = ymd(d);
  return `${month}/${day}/${year}`;
};
const uk = (d: CalendarDate) => {
  const { year, month, day } = ymd(d);
  return `${day}/${month}/${year}`;
};

/** The orders a whole column of values resolves to, and its conflicts. */
function decide(values: string[]) {
  const e = new DateOrderEvidence(TODAY);
  e.track(0, 'DOB');
  values.forEach((v, i) => e.observe(0, v, i + 2));
  return e.resolve();
}

describe('date order', () => {
  it('reads every date of a month-first file month first, once one value proves it', () => {
    fc.assert(
      fc.property(fc.array(anyDate, { minLength: 1, maxLength: 30 }), anyDate, (dates, proofDay) => {
        // a day after the 12th can only be month first when written m/d
        const proof = fromYmd(ymd(proofDay).year, ymd(proofDay).month, 13 + (ymd(proofDay).day % 15));
        const r = decide([...dates.map(us), us(proof)]);
        expect(r.conflicts).toEqual([]);
        expect(r.orders.get(0)).toBe('mdy');
        for (const d of dates) expect(parseRosterDate(us(d), TODAY, 'mdy')).toEqual({ date: d });
      }),
    );
  });

  it('reads a day-first file day first, and with nothing to decide by, day first', () => {
    fc.assert(
      fc.property(fc.array(anyDate, { minLength: 1, maxLength: 30 }), (dates) => {
        const r = decide(dates.map(uk));
        expect(r.conflicts).toEqual([]);
        expect(r.orders.get(0)).toBe('dmy');
        for (const d of dates) expect(parseRosterDate(uk(d), TODAY, 'dmy')).toEqual({ date: d });
      }),
    );
  });

  it('never mixes: a value only day first and one only month first is a conflict naming both lines', () => {
    const r = decide(['01/02/2024', '19/05/2023', '5/19/2023']);
    expect(r.conflicts).toEqual([
      {
        header: 'DOB',
        dmy: { column: 0, header: 'DOB', line: 3, text: '19/05/2023' },
        mdy: { column: 0, header: 'DOB', line: 4, text: '5/19/2023' },
      },
    ]);
  });

  it('follows another date column of the file (a Timestamp) when its own values read both ways', () => {
    const e = new DateOrderEvidence(TODAY);
    e.track(0, 'Timestamp');
    e.track(1, 'DOB');
    e.observe(0, '9/14/2026 10:22:40', 2);
    e.observe(1, '3/4/2024', 2);
    expect(e.resolve().orders.get(1)).toBe('mdy');
  });

  it('says what each value proves', () => {
    expect(dateEvidence('19/05/2023', TODAY)).toBe('dmy');
    expect(dateEvidence('5/19/2023', TODAY)).toBe('mdy');
    expect(dateEvidence('05/04/2024', TODAY)).toBe('ambiguous');
    expect(dateEvidence('05/05/2024', TODAY)).toBeNull();
    expect(dateEvidence('2024-05-04', TODAY)).toBeNull();
    expect(dateEvidence('31/02/2024', TODAY)).toBeNull();
  });

  it('accepts a time after a date, and month names', () => {
    expect(parseRosterDate('01/09/2026 08:12:05', TODAY)).toEqual({ date: '2026-09-01' });
    expect(parseRosterDate('9/1/2026 8:12:05 PM', TODAY, 'mdy')).toEqual({ date: '2026-09-01' });
    expect(parseRosterDate('2024-03-12T00:00:00Z', TODAY)).toEqual({ date: '2024-03-12' });
    expect(parseRosterDate('12-Mar-24', TODAY)).toEqual({ date: '2024-03-12' });
    expect(parseRosterDate('March 12, 2024', TODAY)).toEqual({ date: '2024-03-12' });
    expect(parseRosterDate('45000.25', TODAY)).toEqual({ date: '2023-03-15' });
  });
});

describe('full names', () => {
  it('splits by the documented rule', () => {
    expect(splitFullName('Mary Jane Smith')).toEqual({ first: 'Mary Jane', last: 'Smith' });
    expect(splitFullName('Ada van der Berg')).toEqual({ first: 'Ada', last: 'van der Berg' });
    expect(splitFullName('Nguyen, Minh Anh')).toEqual({ first: 'Minh Anh', last: 'Nguyen' });
    expect(splitFullName('  Kit   Reed-Jones ')).toEqual({ first: 'Kit', last: 'Reed-Jones' });
    expect(splitFullName('Madonna')).toEqual({ first: 'Madonna', last: '' });
  });

  it('loses and adds no word, whatever the name', () => {
    const word = fc.stringMatching(/^[A-Za-zÀ-ÿ'’-]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), (words) => {
        const { first, last } = splitFullName(words.join(' '));
        expect([first, last].filter((s) => s !== '').join(' ')).toBe(words.join(' '));
        if (words.length > 1) expect(last).not.toBe('');
      }),
    );
  });
});

describe('addresses', () => {
  it('joins lines in order, a house number before its street', () => {
    expect(joinAddress({ house: '12', line1: 'Derby Street', town: 'Leek', county: 'Staffordshire' })).toBe(
      '12 Derby Street, Leek, Staffordshire',
    );
    expect(joinAddress({ county: 'Staffs', house: 'Rose Cottage', line2: 'Cheddleton', line1: 'Mill Lane' })).toBe(
      'Rose Cottage, Mill Lane, Cheddleton, Staffs',
    );
    expect(joinAddress({ line1: ' ', town: 'Leek' })).toBe('Leek');
  });

  it('keeps every non-empty line, in order', () => {
    const line = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,15}[a-z]$/);
    fc.assert(
      fc.property(line, line, line, (a, b, c) => {
        const joined = joinAddress({ line1: a, line3: c, town: b });
        const parts = [a, c, b]
          .map((s) => s.replace(/\s+/g, ' '))
          .filter((p, i, all) => i === 0 || p.toLowerCase() !== all[i - 1]?.toLowerCase());
        expect(joined).toBe(parts.join(', '));
      }),
    );
  });
});

describe('header preference', () => {
  const ref = (headers: string[]) => planLayout(headers).sources.ref;
  it('prefers the setting’s own ID over UPN, in any column order, and never a timestamp or row number', () => {
    const own = ['Admission Number', 'InternalCode', 'Child ID', 'Pupil Reference', 'Ref'];
    fc.assert(
      fc.property(fc.constantFrom(...own), fc.boolean(), (id, upnFirst) => {
        const headers = upnFirst ? ['UPN', id, 'Forename', 'Surname', 'DOB'] : [id, 'UPN', 'Forename', 'Surname', 'DOB'];
        expect(ref(headers)).toBe(`"${id}"`);
      }),
    );
    expect(ref(['Timestamp', 'First name', 'Surname', 'DOB'])).toContain('no ID column');
    expect(ref(['Row', '#', 'No.', 'First name', 'Surname', 'DOB'])).toContain('no ID column');
  });

  it('keeps the child’s and the parent’s apart', () => {
    const l = planLayout([
      'Parent DOB',
      'Child DOB',
      'Parent Forename',
      'Child Forename',
      'Child Surname',
      'Parent Surname',
      'Child’s Postcode',
    ]);
    expect(l.sources).toMatchObject({
      dob: '"Child DOB"',
      first_name: '"Child Forename"',
      last_name: '"Child Surname"',
      parent_name: '"Parent Forename" + "Parent Surname" (joined)',
      postcode: '"Child’s Postcode"',
    });
    expect(recognise('Parent DOB')).toEqual({ ignore: 'a parent’s detail, not the child’s' });
    expect(recognise('PrimaryParentEmail')).toEqual({ part: { field: 'parent_email' }, rank: 1 });
    expect(recognise('DateOfBirth')).toEqual({ part: { field: 'dob' }, rank: 1 });
    expect(recognise('Form/Tutor Group')).toEqual({ part: { field: 'room' }, rank: 1 });
    expect(recognise('Middle Name(s)')).toEqual({ ignore: 'middle names are not kept' });
  });

  it('prefers Start date over Enrolment date, and a child-prefixed header over a bare one', () => {
    expect(planLayout(['Enrolment Date', 'Start Date']).sources.start_date).toBe('"Start Date"');
    expect(planLayout(['DOB', 'Child DOB']).sources.dob).toBe('"Child DOB"');
  });
});

describe('funding words and stable keys', () => {
  it('reads funded and the basis', () => {
    expect(readFunding('basis', 'TwoYearOld_Disadvantaged')).toEqual({ funded: true, basis: 'disadvantaged' });
    expect(readFunding('basis', 'Extended30Hours_WorkingParents')).toEqual({ funded: true, basis: 'working-parent' });
    expect(readFunding('funded', '2YO')).toEqual({ funded: true, basis: 'disadvantaged' });
    expect(readFunding('type', 'Universal')).toEqual({ funded: true, basis: null });
    expect(readFunding('hours', '15')).toEqual({ funded: true, basis: null });
    expect(readFunding('funded', 'not funded')).toEqual({ funded: false, basis: null });
    expect(readFunding('code', '50012345678')).toEqual({ funded: true, basis: 'working-parent' });
    expect(readFunding('funded', 'maybe')).toBeUndefined();
  });

  it('makes the same key for the same child, whatever the accents, case and spacing', () => {
    expect(stableKey('Zoë', "O'Brien-Smith", '2024-02-01')).toBe('zoe-obrien-smith-2024-02-01');
    expect(stableKey(' ZOE ', 'O’Brien-Smith', '2024-02-01')).toBe('zoe-obrien-smith-2024-02-01');
    expect(stableKey('Юлия', 'Иванова', '2024-02-01')).toBe('юлия-иванова-2024-02-01');
  });
});
