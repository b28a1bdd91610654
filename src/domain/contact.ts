// The contact details letters print: a parent who rings or writes to them must reach the setting.

/** Something@somewhere.tld with no spaces; the last part starts with a letter and ends the address (no stray comma). */
const EMAIL = /^[^\s@,;<>()]+@[^\s@,;<>()]+\.[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;

/** Shaped like an email address: office@little-acorns.org.uk, not "office@x.org," or "Jo Bloggs". */
export function isEmailAddress(text: string): boolean {
  return EMAIL.test(text);
}

/** Digits with spaces, hyphens or dashes between; one pair of brackets; a leading + only. */
const PHONE_SHAPE = /^\+?\(?[0-9][0-9 ()\-–]*[0-9]$/;

/**
 * A UK phone number as people write one: 0 and then 9 or 10 digits (01538 000111, 016977 4123,
 * 0300 303 3923, 07700 900123), or the same from abroad (+44 1538 000111, +44 (0)1538 000111,
 * 0044 1538 000111). One digit too many or too few is refused: a wrong number on a letter
 * sends a parent nowhere.
 */
export function isPhoneNumber(text: string): boolean {
  if (!PHONE_SHAPE.test(text)) return false;
  if ((text.match(/\(/g) ?? []).length > 1 || (text.match(/\)/g) ?? []).length > 1) return false;
  const digits = text.replace(/\D/g, '');
  const fromAbroad = text.startsWith('+') ? '44' : digits.startsWith('0044') ? '0044' : null;
  let national = digits;
  if (fromAbroad) {
    if (!digits.startsWith(fromAbroad)) return false;
    // "+44 (0)1538 …": the (0) is dialled only from inside the UK
    national = `0${digits.slice(fromAbroad.length).replace(/^0/, '')}`;
  }
  return /^0[1-9][0-9]{8,9}$/.test(national);
}
