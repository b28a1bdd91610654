import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEmailAddress, isPhoneNumber } from '../../src/domain/contact.js';

describe('isPhoneNumber', () => {
  it.each([
    '01538 000111',
    '0300 303 3923',
    '01785 278111',
    '07700 900123',
    '+44 1538 000111',
    '+44 (0)1538 000111',
    '(01538) 000111',
    '01538-000-111',
    '01538–000111',
    '016977 4123',
    '0800 123 4567',
    '0044 1538 000111',
    '+441538000111',
  ])('takes %s', (text) => expect(isPhoneNumber(text)).toBe(true));

  it.each([
    'Jo Bloggs',
    '01538',
    '999',
    '01538 000111 ext 2',
    '01538 000111 or 07700 900123',
    '0044 1538 000111 0000',
    '1538+000111',
    'office@little-acorns.invalid',
    '',
    '01538 0001111',
    '015380 0001111',
    '0000000000',
    '1234567890',
    '---0000000000---',
    '(((0)))1538000111',
    '+33 1 23 45 67 89',
  ])('refuses %j', (text) => expect(isPhoneNumber(text)).toBe(false));

  it('refuses any text with a letter in it', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom(...'abcxyzABCXYZé'),
        fc.string(),
        (a, letter, b) => !isPhoneNumber(`01538 000111${a}${letter}${b}`),
      ),
    );
  });
});

describe('isEmailAddress', () => {
  it.each(['office@little-acorns.invalid', 'jo.bloggs+nursery@example.org.uk', 'info@example.xn--p1ai'])('takes %s', (text) =>
    expect(isEmailAddress(text)).toBe(true),
  );
  it.each([
    'Jo Bloggs',
    'office@little-acorns',
    'office little-acorns.invalid',
    '@example.org',
    'jo bloggs@example.org',
    '',
    'office@x.org,',
    'office@x.org;jo@x.org',
  ])('refuses %j', (text) => expect(isEmailAddress(text)).toBe(false));
});
