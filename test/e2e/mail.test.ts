import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, SETTING_FLAGS, workspace } from '../helpers/cli.js';
import { insertChildren, query } from '../helpers/children.js';
import { type TestServer, type TestServerOptions, certificateFor127, closedPort, runCliAsync, startSmtp } from '../helpers/smtp.js';

const TODAY = '2026-11-23';
const OFFICE = 'office@littleacorns.example';
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

// synthetic families; A1 has two parents' addresses in one roster field, A3 none
const ROSTER = [
  {
    ref: 'A1',
    first_name: 'Zoë',
    last_name: 'Wiśniewska',
    dob: '2024-11-20',
    parent_name: 'Łucja Wiśniewska',
    language: 'pl',
    parent_email: 'lucja@example.test; stefan@example.test',
  },
  { ref: 'A2', first_name: 'Olga', last_name: 'Nguyen', dob: '2024-12-01', parent_name: 'Mai Nguyen', parent_email: 'mai@example.test' },
  { ref: 'A3', first_name: 'Alex', last_name: 'Smith', dob: '2024-06-01', parent_name: 'Jane Smith' },
];

let servers: TestServer[] = [];
async function server(options: TestServerOptions = {}): Promise<TestServer> {
  const s = await startSmtp(options);
  servers.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

function ready(env: Record<string, string> = {}) {
  const ws = workspace({ TWOCHECK_TODAY: TODAY, TWOCHECK_BY: 'manager', SOURCE_DATE_EPOCH: '1795000000', ...env });
  expect(ws.run(SETTING_FLAGS).code).toBe(0);
  insertChildren(ws.db, ROSTER);
  const run = (args: string[], more: Record<string, string> = {}) =>
    runCliAsync(args, {
      cwd: ws.dir,
      env: { TWOCHECK_DB: ws.db, TWOCHECK_TODAY: TODAY, TWOCHECK_BY: 'manager', SOURCE_DATE_EPOCH: '1795000000', ...env, ...more },
    });
  return { ...ws, runAsync: run };
}

interface EmailRow {
  ref: string;
  recipient: string;
  message_id: string;
  sent_at: string;
  file: string;
  sha256: string;
}
const emailed = (db: string) =>
  query<EmailRow>(
    db,
    `SELECT c.ref, e.recipient, e.message_id, e.sent_at, l.file, l.sha256
  FROM letter_emails e JOIN letters l ON l.id = e.letter_id JOIN children c ON c.id = e.child_id ORDER BY e.id`,
  );
const sentOn = (db: string) =>
  query<{ ref: string; sent_on: string | null }>(
    db,
    'SELECT c.ref, l.sent_on FROM letters l JOIN children c ON c.id = l.child_id ORDER BY c.ref',
  );

describe("email through the setting's SMTP server", () => {
  beforeAll(() => {
    expect(fs.existsSync(path.join(ROOT, 'dist', 'twocheck.cjs'))).toBe(true);
  });

  it("letters --email: each parent gets their letter as the recorded PDF, in the letter's language, once", async () => {
    const smtp = await server();
    const ws = ready({ TWOCHECK_SMTP_URL: smtp.url() });
    const r = await ws.runAsync(['letters', '--email']);
    expect(r.code, r.stderr).toBe(0);
    expect(
      smtp.received
        .map((m) => m.to)
        .flat()
        .sort(),
    ).toEqual(['lucja@example.test', 'mai@example.test', 'stefan@example.test']);
    expect(r.stderr).toContain('A3 Alex Smith: not emailed, no parent email on record: print and post the letter');
    expect(r.stderr).toContain('Emailed 3 parent letters');

    const rows = emailed(ws.db);
    expect(rows.map((e) => `${e.ref} ${e.recipient}`)).toEqual(['A1 lucja@example.test', 'A1 stefan@example.test', 'A2 mai@example.test']);
    for (const row of rows) {
      const message = smtp.received.find((m) => m.to[0] === row.recipient);
      expect(message?.from).toBe(OFFICE);
      expect(message?.parsed.messageId).toBe(row.message_id);
      // what arrived is the file on record, byte for byte, and that file is unchanged
      expect(message?.attachments).toEqual([{ filename: path.basename(row.file), sha256: row.sha256 }]);
      expect(sha(row.file)).toBe(row.sha256);
    }
    const polish = smtp.received.find((m) => m.to[0] === 'lucja@example.test');
    expect(polish?.parsed.subject).toBe('Ocena postępów dziecka w wieku dwóch lat: list od Little Acorns Nursery');
    expect(polish?.parsed.text).toContain('Szanowni Państwo');
    const english = smtp.received.find((m) => m.to[0] === 'mai@example.test');
    expect(english?.parsed.subject).toBe("Your child's Progress Check at two: a letter from Little Acorns Nursery");
    expect(english?.parsed.text).toContain("Olga's Progress Check at age two");
    expect(english?.parsed.replyTo?.text).toBe(OFFICE);
    expect(sentOn(ws.db)).toEqual([
      { ref: 'A1', sent_on: TODAY },
      { ref: 'A2', sent_on: TODAY },
      { ref: 'A3', sent_on: null },
    ]);

    const again = await ws.runAsync(['letters', '--email']);
    expect(again.code, again.stderr).toBe(0);
    expect(smtp.received).toHaveLength(3);
    expect(emailed(ws.db)).toHaveLength(3);

    const child = await ws.runAsync(['child', 'A1']);
    expect(child.stdout).toContain('emailed to lucja@example.test at ');
    expect(child.stdout).toContain(`Message-ID ${rows[0]?.message_id}`);
  });

  it('letters --email --dry-run lists who would get what, and sends and records nothing', async () => {
    const smtp = await server();
    const ws = ready({ TWOCHECK_SMTP_URL: smtp.url() });
    const r = await ws.runAsync(['letters', '--email', '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l.includes('would email'));
    expect(lines.map((l) => l.split('\t').slice(0, 5).join(' '))).toEqual([
      'A1 Zoë Wiśniewska would email lucja@example.test pl',
      'A1 Zoë Wiśniewska would email stefan@example.test pl',
      'A2 Olga Nguyen would email mai@example.test en',
    ]);
    expect(r.stderr).toContain('A3 Alex Smith: not emailed');
    expect(smtp.received).toHaveLength(0);
    expect(query(ws.db, 'SELECT * FROM letters')).toHaveLength(0);
  });

  it('a server that refuses one parent: the others are sent and recorded, that one is not, exit 1; a re-run sends only to them', async () => {
    const refusing = await server({ refuse: ['stefan@example.test'] });
    const ws = ready();
    const r = await ws.runAsync(['letters', '--email'], { TWOCHECK_SMTP_URL: refusing.url() });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/A1 Zoë Wiśniewska: not emailed to stefan@example.test: the server answered: 550/);
    expect(refusing.received.map((m) => m.to[0])).toEqual(['lucja@example.test', 'mai@example.test']);
    expect(emailed(ws.db).map((e) => e.recipient)).toEqual(['lucja@example.test', 'mai@example.test']);

    const accepting = await server();
    const again = await ws.runAsync(['letters', '--email'], { TWOCHECK_SMTP_URL: accepting.url() });
    expect(again.code, again.stderr).toBe(0);
    expect(accepting.received.map((m) => m.to[0])).toEqual(['stefan@example.test']);
    expect(emailed(ws.db).map((e) => e.recipient)).toEqual(['lucja@example.test', 'mai@example.test', 'stefan@example.test']);
  });

  it('a "try again later" (451) is retried after a pause, and then goes', async () => {
    const smtp = await server({ deferOnce: ['mai@example.test'] });
    const ws = ready({ TWOCHECK_SMTP_URL: smtp.url() });
    const r = await ws.runAsync(['letters', '--email', '--child', 'A2']);
    expect(r.code, r.stderr).toBe(0);
    expect(smtp.received.map((m) => m.to[0])).toEqual(['mai@example.test']);
    expect(emailed(ws.db)).toHaveLength(1);
  });

  it('a server that drops the connection mid-batch: what it accepted is recorded, nothing else, exit 1', async () => {
    const smtp = await server({ dropAfter: 1 });
    const ws = ready({ TWOCHECK_SMTP_URL: smtp.url() });
    const r = await ws.runAsync(['letters', '--email']);
    expect(r.code).toBe(1);
    expect(smtp.received).toHaveLength(1);
    const rows = emailed(ws.db);
    expect(rows.map((e) => e.recipient)).toEqual([smtp.received[0]?.to[0]]);
    expect(r.stderr).toContain('not tried, as the server stopped taking messages');
    expect(r.stderr).toContain('nothing is recorded for them');
    // the letters are written and recorded; only the one that went is recorded as sent
    expect(sentOn(ws.db).filter((l) => l.sent_on)).toEqual([{ ref: 'A1', sent_on: TODAY }]);
  });

  it('a server that is down: letters are written, none is recorded as sent, exit 1', async () => {
    const port = await closedPort();
    const ws = ready({ TWOCHECK_SMTP_URL: `smtp://127.0.0.1:${port}?tls=none` });
    const r = await ws.runAsync(['letters', '--email']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ECONNREFUSED');
    expect(emailed(ws.db)).toHaveLength(0);
    expect(sentOn(ws.db).map((l) => l.sent_on)).toEqual([null, null, null]);
  });

  it('refuses before writing anything when no mail server is set up', async () => {
    const ws = ready();
    const r = await ws.runAsync(['letters', '--email']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no mail server is set up');
    expect(query(ws.db, 'SELECT * FROM letters')).toHaveLength(0);
  });

  describe('STARTTLS with a login', () => {
    const PASSWORD = 'c0rrect-h0rse-b4ttery';

    it('mail test: over STARTTLS, logged in with the password from a 0600 file beside the database, never shown', async () => {
      const ws = ready();
      const cert = await certificateFor127(ws.dir);
      const smtp = await server({ tls: cert, login: { user: OFFICE, password: PASSWORD } });
      const env = { NODE_EXTRA_CA_CERTS: cert.file };
      const setup = await ws.runAsync(['setup', '--smtp', smtp.url(OFFICE)], env);
      expect(setup.code, setup.stderr).toBe(0);
      expect(query(ws.db, 'SELECT url FROM mail_server')).toEqual([{ url: smtp.url(OFFICE) }]);
      const passwordFile = path.join(path.dirname(ws.db), 'smtp-password');

      fs.writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
      fs.chmodSync(passwordFile, 0o644);
      const open = await ws.runAsync(['mail', 'test', 'jo@example.test'], env);
      expect(open.code).toBe(1);
      expect(open.stderr).toContain('can be read by others');
      expect(smtp.received).toHaveLength(0);

      fs.chmodSync(passwordFile, 0o600);
      const r = await ws.runAsync(['mail', 'test', 'jo@example.test'], env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`127.0.0.1:${smtp.port} (STARTTLS) as ${OFFICE}`);
      expect(r.stderr).toContain('The server accepted the test message: 250');
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]).toMatchObject({ to: ['jo@example.test'], user: OFFICE, password: PASSWORD, secure: true });
      for (const text of [r.stdout, r.stderr, setup.stderr]) expect(text).not.toContain(PASSWORD);
    });

    it("a wrong password fails with the server's answer and a hint, and shows no password", async () => {
      const ws = ready();
      const cert = await certificateFor127(ws.dir);
      const smtp = await server({ tls: cert, login: { user: OFFICE, password: PASSWORD } });
      const wrong = 'wr0ng-pa55word';
      const r = await ws.runAsync(['mail', 'test', 'jo@example.test'], {
        NODE_EXTRA_CA_CERTS: cert.file,
        TWOCHECK_SMTP_URL: smtp.url(OFFICE),
        TWOCHECK_SMTP_PASSWORD: wrong,
      });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('535');
      expect(r.stderr).toContain('app password');
      for (const form of [wrong, Buffer.from(wrong).toString('base64'), Buffer.from(`\u0000${OFFICE}\u0000${wrong}`).toString('base64')]) {
        expect(r.stderr + r.stdout).not.toContain(form);
      }
    });

    it('an untrusted certificate is refused: nothing goes unencrypted', async () => {
      const ws = ready();
      const cert = await certificateFor127(ws.dir);
      const smtp = await server({ tls: cert, login: { user: OFFICE, password: PASSWORD } });
      const r = await ws.runAsync(['mail', 'test', 'jo@example.test'], {
        TWOCHECK_SMTP_URL: smtp.url(OFFICE),
        TWOCHECK_SMTP_PASSWORD: PASSWORD,
      });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('NODE_EXTRA_CA_CERTS');
      expect(r.stderr).not.toContain('tried'); // a certificate does not become trusted by waiting
      expect(smtp.received).toHaveLength(0);
    });

    it('setup --smtp refuses a URL holding a password, without repeating it, and stores nothing', async () => {
      const ws = ready();
      const r = await ws.runAsync(['setup', '--smtp', `smtp://${OFFICE}:${PASSWORD}@smtp.example.test:587`]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('must not hold the password');
      expect(r.stderr).not.toContain(PASSWORD);
      expect(query(ws.db, 'SELECT * FROM mail_server')).toHaveLength(0);
    });
  });

  it('check share: only with current consent; sends the recorded PDF, records it and child shows it', async () => {
    const smtp = await server();
    const ws = ready({ TWOCHECK_SMTP_URL: smtp.url(), TWOCHECK_TODAY: '2027-01-10' });
    insertChildren(ws.db, [{ ref: 'C1', first_name: 'Poppy', last_name: 'Quill', dob: '2024-12-20', parent_name: 'Hazel Quill' }]);
    const check = ws.run(['check', 'C1', '--from', path.join(ROOT, 'examples', 'progress-check.json'), '--force', '--reason', 'test'], {
      env: { TWOCHECK_TODAY: '2027-01-10' },
    });
    expect(check.code, check.stderr).toBe(0);
    const hv = 'health.visitors@nhs.example';

    const none = await ws.runAsync(['check', 'share', 'C1', '--email', hv]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no consent to share with health is recorded');
    expect(none.stderr).toContain('twocheck consent C1');

    expect(ws.run(['consent', 'C1', '--method', 'paper', '--on', '2027-01-05'], { env: { TWOCHECK_TODAY: '2027-01-10' } }).code).toBe(0);
    const r = await ws.runAsync(['check', 'share', 'C1', '--email', hv]);
    expect(r.code, r.stderr).toBe(0);
    const [row] = query<{ pdf_path: string; pdf_sha256: string }>(ws.db, 'SELECT pdf_path, pdf_sha256 FROM checks');
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.to).toEqual([hv]);
    expect(smtp.received[0]?.attachments).toEqual([{ filename: path.basename(row?.pdf_path ?? ''), sha256: row?.pdf_sha256 }]);
    expect(smtp.received[0]?.parsed.subject).not.toContain('Poppy');
    const [share] = query<{ recipient: string; message_id: string }>(ws.db, 'SELECT with_whom AS recipient, message_id FROM check_shares');
    expect(share?.recipient).toBe(hv);
    expect((await ws.runAsync(['child', 'C1'])).stdout).toMatch(
      new RegExp(`version 1: shared with ${hv.replace(/[.]/g, '\\.')} by email \\d{4}-\\d{2}-\\d{2}; Message-ID <`),
    );

    const twice = await ws.runAsync(['check', 'share', 'C1', '--email', hv]);
    expect(twice.code).toBe(0);
    expect(twice.stderr).toContain('already sent');
    expect(smtp.received).toHaveLength(1);

    expect(ws.run(['consent', 'C1', '--withdraw', '--method', 'verbal'], { env: { TWOCHECK_TODAY: '2027-01-10' } }).code).toBe(0);
    const withdrawn = await ws.runAsync(['check', 'share', 'C1', '--email', 'other@nhs.example']);
    expect(withdrawn.code).toBe(1);
    expect(withdrawn.stderr).toContain(
      'C1: the consent to share with health was withdrawn on 2027-01-10, so the Progress Check (version 1) cannot be shared with health; nothing was recorded',
    );
    expect(withdrawn.stderr).toContain('--without-consent --reason');
    expect(smtp.received).toHaveLength(1);

    // safeguarding overrides consent by email too: sent, with who decided and why kept
    const override = await ws.runAsync([
      '--by',
      'Dana Manager',
      'check',
      'share',
      'C1',
      '--email',
      'other@nhs.example',
      '--without-consent',
      '--reason',
      'DSL decision: risk of harm',
    ]);
    expect(override.code, override.stderr).toBe(0);
    expect(override.stderr).toContain('without consent (safeguarding; the reason is in the audit log)');
    expect(smtp.received).toHaveLength(2);
    expect(smtp.received[1]?.parsed.text).toContain("without the consent of the child's parents, for safeguarding");
    expect(
      query(ws.db, "SELECT with_whom, how, without_consent_reason, consent_id FROM check_shares WHERE with_whom = 'other@nhs.example'"),
    ).toEqual([{ with_whom: 'other@nhs.example', how: 'email', without_consent_reason: 'DSL decision: risk of harm', consent_id: null }]);
    const decided = query<{ details: string }>(ws.db, "SELECT details FROM audit WHERE action = 'consent.override'");
    expect(JSON.parse(decided[0]?.details ?? '{}')).toMatchObject({
      decided_by: 'Dana Manager',
      reason: 'DSL decision: risk of harm',
      with: 'other@nhs.example',
    });
  });

  it('remind --email: the summary goes by email, not to stdout; a server that is down fails and prints it', async () => {
    const smtp = await server();
    const ws = ready({ TWOCHECK_SMTP_URL: smtp.url() });
    const r = await ws.runAsync(['remind', '--email', 'manager@example.test']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.parsed.subject).toBe(`twocheck: what needs doing on ${TODAY} at Little Acorns Nursery`);
    expect(smtp.received[0]?.parsed.text).toContain('Parent letter to send');

    const port = await closedPort();
    const down = await ws.runAsync(['remind', '--email', 'manager@example.test'], {
      TWOCHECK_SMTP_URL: `smtp://127.0.0.1:${port}?tls=none`,
    });
    expect(down.code).toBe(1);
    expect(down.stdout).toContain('Parent letter to send');
    expect(down.stderr).toContain('not emailed');
  });

  it('only a command that sends mail loads nodemailer', async () => {
    const smtp = await server();
    const ws = ready({ TWOCHECK_SMTP_URL: smtp.url() });
    const modulesFor = (args: string[], url = smtp.url(), status = 0) => {
      const log = path.join(ws.dir, `modules-${args.join('-')}.txt`);
      const r = spawnSync(process.execPath, ['--import', path.join(ROOT, 'test/helpers/module-log.mjs'), BIN, ...args], {
        cwd: ws.dir,
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH,
          HOME: ws.dir,
          FORCE_COLOR: '0',
          TWOCHECK_DB: ws.db,
          TWOCHECK_TODAY: TODAY,
          TWOCHECK_SMTP_URL: url,
          TWOCHECK_MODULE_LOG: log,
        },
      });
      expect(r.status, r.stderr).toBe(status);
      return fs.readFileSync(log, 'utf8');
    };
    for (const args of [['letters', '--dry-run'], ['child', 'A1'], ['remind'], ['check', 'A1', '--show']]) {
      expect(modulesFor(args), args.join(' ')).not.toMatch(/nodemailer/);
    }
    // a dry run lists who would get what without opening a connection
    expect(modulesFor(['letters', '--email', '--dry-run'])).not.toMatch(/nodemailer/);
    // and the log would show it: mail test loads it (here against a server that is down)
    expect(modulesFor(['mail', 'test', 'jo@example.test'], `smtp://127.0.0.1:${await closedPort()}?tls=none`, 1)).toMatch(/nodemailer/);
  });
});
