import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { letterLanguage, parentLetterEmail } from '../../src/mail/bodies.js';
import { describeServer, findPassword, formatSmtpUrl, maskSecret, parseSmtpUrl } from '../../src/mail/server.js';
import { parentAddresses } from '../../src/app/mail-config.js';

describe('the SMTP URL', () => {
  it.each([
    [
      'smtp://office@example.org.uk@smtp.office365.com:587',
      { host: 'smtp.office365.com', port: 587, security: 'starttls', user: 'office@example.org.uk' },
    ],
    [
      'smtp://office%40example.org.uk@smtp.office365.com',
      { host: 'smtp.office365.com', port: 587, security: 'starttls', user: 'office@example.org.uk' },
    ],
    ['smtps://you@gmail.com@smtp.gmail.com', { host: 'smtp.gmail.com', port: 465, security: 'tls', user: 'you@gmail.com' }],
    ['smtp://mail.local.example:2525?tls=starttls', { host: 'mail.local.example', port: 2525, security: 'starttls', user: null }],
    ['smtp://127.0.0.1:25?tls=none', { host: '127.0.0.1', port: 25, security: 'none', user: null }],
  ])('%s', (url, server) => {
    const parsed = parseSmtpUrl(url);
    expect(parsed).toEqual(server);
    expect(parseSmtpUrl(formatSmtpUrl(parsed))).toEqual(parsed);
  });

  it.each([
    ['smtp://me:secret@smtp.example.org', 'must not hold the password'],
    ['http://smtp.example.org', 'must start smtp:// or smtps://'],
    ['smtps://smtp.example.org?tls=none', 'TLS already'],
    ['smtp://smtp.example.org?tls=maybe', 'tls must be starttls or none'],
    ['smtp://smtp.example.org?from=x', 'unknown setting "from"'],
    ['smtp://me@smtp.example.org?tls=none', 'never sent unencrypted'],
    ['not a url', 'is not a URL'],
  ])('refuses %s', (url, why) => {
    expect(() => parseSmtpUrl(url)).toThrow(why);
    try {
      parseSmtpUrl(url);
    } catch (e) {
      expect((e as Error).message).not.toContain('secret');
    }
  });

  it('is described without a password', () => {
    expect(describeServer(parseSmtpUrl('smtp://jo@example.org@smtp.example.org'))).toBe(
      'smtp.example.org:587 (STARTTLS) as jo@example.org',
    );
  });
});

describe('the password', () => {
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'twocheck-pw-'));

  it('comes from the environment first, then the owner-only file beside the database', () => {
    const d = dir();
    const db = path.join(d, 'twocheck.db');
    expect(findPassword({}, db)).toBeNull();
    fs.writeFileSync(path.join(d, 'smtp-password'), 'from-file\n', { mode: 0o600 });
    expect(findPassword({}, db)).toEqual({ value: 'from-file', from: path.join(d, 'smtp-password') });
    expect(findPassword({ TWOCHECK_SMTP_PASSWORD: 'from-env' }, db)).toEqual({ value: 'from-env', from: 'TWOCHECK_SMTP_PASSWORD' });
  });

  it.skipIf(process.platform === 'win32')('is refused from a file others can read, without being read', () => {
    const d = dir();
    fs.writeFileSync(path.join(d, 'smtp-password'), 'secret', { mode: 0o640 });
    fs.chmodSync(path.join(d, 'smtp-password'), 0o640);
    expect(() => findPassword({}, path.join(d, 'twocheck.db'))).toThrow(/can be read by others \(mode 640\)/);
  });

  it('is masked as typed and as SMTP carries it in base64', () => {
    const plain = Buffer.from('\u0000jo@x.org\u0000pa55').toString('base64');
    const login = Buffer.from('pa55').toString('base64');
    expect(maskSecret(`AUTH PLAIN ${plain}; ${login}; pa55`, 'pa55', 'jo@x.org')).toBe('AUTH PLAIN ********; ********; ********');
    expect(maskSecret('nothing here', undefined)).toBe('nothing here');
  });
});

describe('parent addresses and words', () => {
  it('reads one or two addresses from the roster field, and names the ones that are not addresses', () => {
    expect(parentAddresses('a@x.org; b@x.org, A@X.org')).toEqual({ valid: ['a@x.org', 'b@x.org'], invalid: [] });
    expect(parentAddresses('mum at home')).toEqual({ valid: [], invalid: ['mum', 'at', 'home'] });
    expect(parentAddresses(null)).toEqual({ valid: [], invalid: [] });
  });

  it("writes in the letter's language, English where there are no words in it yet", () => {
    expect(letterLanguage('templates/letters/parent-letter.pl.md')).toBe('pl');
    expect(letterLanguage('templates/letters/parent-letter.md')).toBe('en');
    const setting = { name: 'Little Acorns', phone: '01538 000111', email: 'office@x.org', manager: null };
    expect(parentLetterEmail('pl', setting, 'Zoë').text).toContain('Szanowni Państwo');
    expect(parentLetterEmail('ro', setting, 'Ana')).toMatchObject({ language: 'en' });
    expect(parentLetterEmail('en', setting, 'Ana').subject).not.toContain('Ana');
  });
});
