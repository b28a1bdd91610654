// The contact details letters print: a parent who rings or writes to them must reach the setting.

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Shaped like an email address: something@somewhere.tld, no spaces. */
export function isEmailAddress(text: string): boolean {
  return EMAIL.test(text);
}

/**
 * A phone number as people write one: digits, spaces, brackets and hyphens, an optional leading
 * +, and 10 to 13 digits (01538 000111, 0300 303 3923, +44 (0)1538 000111).
 */
export function isPhoneNumber(text: string): boolean {
  if (!/^\+?[0-9 ()-]+$/.test(text)) return false;
  const digits = text.replace(/\D/g, '').length;
  return digits >= 10 && digits <= 13;
}
