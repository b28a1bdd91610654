import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SETTING_FLAGS, workspace } from '../helpers/cli.js';
import { HAS_TERMINAL, KEY, onTerminal } from '../helpers/pty.js';

describe('twocheck setup', () => {
  it('every command that needs the setting says the same when none is recorded, and exits 1', () => {
    const ws = workspace({ TWOCHECK_TODAY: '2026-11-23' });
    // import makes the database, with children and no setting
    const roster = ws.write('roster.csv', 'ref,first_name,last_name,dob\nA1,Ada,Able,2024-10-05\nB2,Ben,Brook,2024-11-01\n');
    expect(ws.run(['import', roster]).code).toBe(0);
    expect(ws.run(['groups', 'create', '--from', '2026-12-01', '--to', '2027-01-31', '--time', '10:00', '--place', 'Oaks room']).code).toBe(
      0,
    );
    const runs = {
      'setup --show': ws.run(['setup', '--show']),
      letters: ws.run(['letters', '--child', 'A1', '--force']),
      check: ws.run(['check', 'A1', '--from', path.join(ROOT, 'examples', 'progress-check.json')]),
      'groups invite': ws.run(['groups', 'invite', '1', '--out', 'invites']),
    };
    for (const [command, r] of Object.entries(runs)) {
      expect({ command, code: r.code, stderr: r.stderr }).toEqual({
        command,
        code: 1,
        stderr: 'error: no setting recorded yet\nrun: twocheck setup --name … --address … --postcode … --phone …\n',
      });
    }
  });

  it('records the setting by flags in a private database', () => {
    const ws = workspace();
    const result = ws.run(SETTING_FLAGS);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Saved: name, address, postcode, phone, email, manager, urn, area.');
    expect(fs.statSync(ws.db).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(ws.db)).mode & 0o777).toBe(0o700);

    const shown = ws.run(['setup', '--show']);
    expect(shown.stdout).toContain('name     Little Acorns Nursery');
    expect(shown.stdout).toContain('postcode ST13 5AA');
    expect(shown.stdout).toContain('area     staffordshire');
  });

  it('refuses an area with no Hub table, and makes no database for it', () => {
    const ws = workspace();
    const result = ws.run([...SETTING_FLAGS, '--area', 'Derbyshire']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no Hub table for the area "derbyshire"');
    expect(result.stderr).toContain('areas available: staffordshire');
    expect(fs.existsSync(ws.db)).toBe(false);
    expect(ws.run([...SETTING_FLAGS, '--area', 'Staffordshire']).code).toBe(0);
    expect(ws.run(['setup', '--show']).stdout).toContain('area     staffordshire');
  });

  it('refuses a postcode, phone or email that letters could not use, naming the flag, and makes no database', () => {
    const ws = workspace();
    const cases = [
      ['--postcode', 'Leek', '--postcode "Leek" is not a UK postcode'],
      ['--phone', 'Jo Bloggs', '--phone "Jo Bloggs" is not a phone number'],
      ['--email', 'office at little-acorns', '--email "office at little-acorns" is not an email address'],
    ];
    for (const [flag, value, message] of cases) {
      const result = ws.run([...SETTING_FLAGS, flag as string, value as string]);
      expect(result.code, flag).toBe(2);
      expect(result.stderr).toContain(message);
    }
    expect(fs.existsSync(ws.db)).toBe(false);
  });

  it('writes a postcode the way letters print it', () => {
    const ws = workspace();
    expect(ws.run([...SETTING_FLAGS, '--postcode', 'st135aa']).code).toBe(0);
    expect(ws.run(['setup', '--show']).stdout).toContain('postcode ST13 5AA');
  });

  it('updates only what is given, and says when nothing changed', () => {
    const ws = workspace();
    ws.run(SETTING_FLAGS);
    expect(ws.run(['setup', '--phone', '01538 999999']).stderr).toContain('Saved: phone.');
    expect(ws.run(['setup', '--phone', '01538 999999']).stderr).toContain('Nothing changed.');
    expect(ws.run(['setup', '--show']).stdout).toContain('name     Little Acorns Nursery');
  });

  it('never prompts without a terminal, and names the missing flags', () => {
    const ws = workspace();
    const result = ws.run(['setup', '--name', 'Little Acorns']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--address, --postcode, --phone');
  });

  it('refuses a database written by a newer twocheck', async () => {
    const ws = workspace();
    ws.run(SETTING_FLAGS);
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(ws.db);
    db.pragma('user_version = 999');
    db.close();
    const result = ws.run(['setup', '--show']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('newer twocheck (schema 999');
  });

  it('rejects a --today that is not a calendar date with exit 2', () => {
    const ws = workspace();
    const result = ws.run(['--today', '2025-02-29', 'setup', '--show']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--today must be a calendar date');
  });
});

describe.skipIf(!HAS_TERMINAL)('twocheck setup on a terminal', () => {
  it('asks again for a phone or email that letters could not use', async () => {
    const ws = workspace();
    const setup = onTerminal(['setup'], { cwd: ws.dir, env: { TWOCHECK_DB: ws.db } });
    const answer = async (prompt: string, keys: string) => {
      await setup.waitFor(prompt);
      setup.type(keys);
    };
    await answer('Setting name', 'Little Acorns Nursery\r');
    await answer('Address', '1 Church Street, Leek\r');
    await answer('Postcode', 'Leek\r');
    await setup.waitFor('"Leek" is not a UK postcode');
    setup.type('\x15st13 5aa\r');
    await answer('Phone', 'Jo Bloggs\r');
    await setup.waitFor('"Jo Bloggs" is not a phone number');
    setup.type('\x1501538 000111\r');
    await answer('Email (optional)', 'Jo Bloggs\r');
    await setup.waitFor('"Jo Bloggs" is not an email address');
    setup.type('\x15\r');
    await answer('Manager (optional)', 'Jo Bloggs\r');
    await answer('Ofsted URN (optional)', KEY.enter);
    await answer('Area whose Hub table to use', KEY.enter);
    await answer('Logo image', KEY.enter);
    expect(await setup.exited).toBe(0);
    const shown = ws.run(['setup', '--show']).stdout;
    expect(shown).toContain('postcode ST13 5AA');
    expect(shown).toContain('phone    01538 000111');
    expect(shown).toMatch(/^email *$/m);
  }, 30000);
});

describe.skipIf(!HAS_TERMINAL)('twocheck setup: the logo on a terminal', () => {
  it('asks again for a logo letters could not carry, as --logo judges it, and keeps every other answer', async () => {
    const ws = workspace();
    ws.write('not-a-logo.png', 'just some text');
    const setup = onTerminal(['setup'], { cwd: ws.dir, env: { TWOCHECK_DB: ws.db } });
    const answer = async (prompt: string, keys: string) => {
      await setup.waitFor(prompt);
      setup.type(keys);
    };
    await answer('Setting name', 'Little Acorns Nursery\r');
    await answer('Address', '1 Church Street, Leek\r');
    await answer('Postcode', 'ST13 5AA\r');
    await answer('Phone', '01538 000111\r');
    await answer('Email (optional)', KEY.enter);
    await answer('Manager (optional)', KEY.enter);
    await answer('Ofsted URN (optional)', KEY.enter);
    await answer('Area whose Hub table to use', KEY.enter);
    await answer('Logo image', 'missing.png\r');
    await setup.waitFor('cannot read');
    setup.type('\x15not-a-logo.png\r');
    await setup.waitFor('is not a PNG or JPEG image');
    setup.type('\x15\r');
    expect(await setup.exited).toBe(0);
    expect(setup.plain()).not.toContain('nothing was saved');
    const shown = ws.run(['setup', '--show']).stdout;
    expect(shown).toContain('name     Little Acorns Nursery');
    expect(shown).toMatch(/^logo *$/m);
  }, 30000);
});

describe.skipIf(!HAS_TERMINAL)('twocheck setup cancelled on a terminal', () => {
  it('leaves no database behind when there was none', async () => {
    const ws = workspace();
    const setup = onTerminal(['setup'], { cwd: ws.dir, env: { TWOCHECK_DB: ws.db } });
    await setup.waitFor('Setting name');
    setup.type('Little Acorns Nursery\r');
    await setup.waitFor('Address');
    setup.type(KEY.ctrlC);
    expect(await setup.exited).toBe(130);
    expect(setup.plain()).toContain('nothing was saved');
    expect(fs.existsSync(ws.db)).toBe(false);
  }, 30000);
});

describe('a database path with no database', () => {
  it('is an error for every command but setup and import, and nothing is created', () => {
    const ws = workspace();
    for (const args of [['due'], ['children'], ['child', 'A1'], ['remind'], ['export'], ['letters']]) {
      const r = ws.run(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toContain(`no database at ${ws.db}`);
    }
    expect(fs.existsSync(ws.db)).toBe(false);
    expect(ws.run(SETTING_FLAGS).code).toBe(0);
    expect(ws.run(['due']).code).toBe(0);
  });
});
