import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, SETTING_FLAGS, runCli, tempDir, workspace } from '../helpers/cli.js';
import { HAS_TERMINAL, onTerminal } from '../helpers/pty.js';

describe('twocheck hub', () => {
  it('prints the Hub, its number, the locality and the sharing reminder', () => {
    const r = runCli(['hub', 'Leek']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'West Hub  0300 303 3923',
        '  for Leek: Staffordshire Moorlands locality',
        '  The Hub can share information about a child only once the 0–19 service has seen the child.',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('');
  });

  it('takes words without quotes and postcodes in any spacing', () => {
    expect(runCli(['hub', 'burton', 'upon', 'trent']).stdout).toContain('East Hub  0300 303 3924');
    const pc = runCli(['hub', 'st136aa']);
    expect(pc.code).toBe(0);
    expect(pc.stdout).toContain('for ST13 6AA: Staffordshire Moorlands locality');
  });

  it('exits 1 for a misspelling, lists the nearest names and prints no number', () => {
    const r = runCli(['hub', 'Lichfeild']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Not sure which Hub');
    expect(r.stdout).toContain('Candidates: Lichfield');
    expect(r.stdout).not.toMatch(/0300/);
    expect(r.stderr).toContain('error: no Hub number');
  });

  it('exits 1 for Stoke-on-Trent with the not-covered answer', () => {
    const r = runCli(['hub', 'Hanley']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Not covered by these Hubs');
    expect(r.stdout).toContain("Stoke-on-Trent City Council's own health visiting service");
    expect(r.stdout).not.toMatch(/0300/);
  });

  it('gives JSON and only JSON on stdout with --json', () => {
    const r = runCli(['hub', 'ST10', '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.answer.kind).toBe('unsure');
    expect(json.answer.hubs.map((h: { id: string }) => h.id)).toEqual(['west', 'east']);
    const ok = JSON.parse(runCli(['hub', 'Tamworth', '--json']).stdout);
    expect(ok.answer).toMatchObject({
      kind: 'found',
      hub: { id: 'east', name: 'East Hub', phone: '0300 303 3924' },
      locality: 'Tamworth',
      matched: 'Tamworth',
    });
    expect(ok.answer.steps.join('\n')).toMatch(/source: reference/);
    expect(ok.sharingNote).toMatch(/only once the 0–19 service has seen the child/);
  });

  it('lists every Hub with its localities', () => {
    const r = runCli(['hub', '--list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'West Hub  0300 303 3923\n  Staffordshire Moorlands\n  Newcastle-under-Lyme\n  Stafford and surrounds\n  Seisdon\n',
    );
    expect(r.stdout).toContain('East Hub  0300 303 3924\n  East Staffordshire\n  Tamworth\n  Lichfield\n  Cannock\n');
    const json = JSON.parse(runCli(['hub', '--list', '--json']).stdout);
    expect(json.hubs).toHaveLength(2);
  });

  it('refuses to be called without a question (exit 2) and names unknown areas', () => {
    expect(runCli(['hub']).code).toBe(2);
    expect(runCli(['hub', 'Leek', '--child', 'A1']).code).toBe(2);
    const r = runCli(['hub', 'Leek', '--area', 'atlantis']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('areas available: staffordshire');
  });

  it("uses a child's home with --child", () => {
    const ws = workspace();
    expect(ws.run(SETTING_FLAGS).code).toBe(0);
    const db = new Database(ws.db);
    const add = db.prepare(`INSERT INTO children (ref, first_name, last_name, dob, address, postcode, created_at, updated_at)
      VALUES (?, 'Test', 'Child', '2024-01-01', ?, ?, '2026-01-01', '2026-01-01')`);
    add.run('C001', '2 Mill Lane, Alton, Stoke-on-Trent', 'ST10 4AA');
    add.run('C002', '5 High Street, Leek', 'WS11 1AA');
    db.close();
    const found = ws.run(['hub', '--child', 'C001']);
    expect(found.code).toBe(0);
    expect(found.stdout).toContain('Child C001, home: 2 Mill Lane, Alton, Stoke-on-Trent, ST10 4AA');
    expect(found.stdout).toContain('West Hub  0300 303 3923');
    const conflict = ws.run(['hub', '--child', 'C002']);
    expect(conflict.code).toBe(1);
    expect(conflict.stdout).toContain('the address and the postcode disagree');
    const missing = ws.run(['hub', '--child', 'NOPE']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no child with the ref "NOPE"');
    // a mistyped database is named as such, as every command names it
    const noDb = ws.run(['--db', 'nowhere.db', 'hub', '--child', 'C001']);
    expect(noDb.code).toBe(1);
    expect(noDb.stderr).toContain('no database at');
  });

  it('loads neither pdfkit, the prompt library nor commander', () => {
    const dir = tempDir();
    const log = path.join(dir, 'modules.txt');
    const r = spawnSync(process.execPath, ['--import', path.join(ROOT, 'test/helpers/module-log.mjs'), BIN, 'hub', 'Leek'], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: dir, FORCE_COLOR: '0', TWOCHECK_MODULE_LOG: log },
    });
    expect(r.status).toBe(0);
    const modules = fs.readFileSync(log, 'utf8');
    // an everyday hub line runs from the small hub bundle alone, not the whole program; packages
    // load from node_modules, each on first need
    expect(modules).toContain('/dist/hub.cjs');
    expect(modules).not.toContain('/dist/twocheck.cjs');
    expect(modules).not.toMatch(/pdfkit|@inquirer|fontkit/);
    // with no database there is nothing to open: SQLite stays unloaded
    expect(modules).not.toMatch(/better-sqlite3/);
    // an everyday hub line is read by hub.ts itself
    expect(modules).not.toMatch(/commander/);
  });

  it("refuses a setting's area that has no Hub table, rather than answer from another area's", () => {
    const ws = workspace();
    expect(ws.run(SETTING_FLAGS).code).toBe(0);
    // an area recorded before setup checked it, or whose table was taken away since
    const db = new Database(ws.db);
    db.prepare(`UPDATE setting SET area = 'cheshire-east'`).run();
    db.close();
    const r = ws.run(['hub', 'Brereton']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no Hub table for the area "cheshire-east"');
    expect(ws.run(['hub', '--area', 'staffordshire', 'Brereton']).stdout).toContain('East Hub');
  });

  it('gives help, usage errors and unknown options through commander, as every command does', () => {
    const ws = workspace();
    const help = ws.run(['hub', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: twocheck hub [options] [place-or-postcode...]');
    const unknown = ws.run(['hub', 'Leek', '--jsn']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--jsn'");
    const noValue = ws.run(['hub', '--area']);
    expect(noValue.code).toBe(2);
    expect(noValue.stderr).toContain("option '--area <name>' argument missing");
    const nothing = ws.run(['hub']);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('give a town, village or postcode');
    const badDay = ws.run(['--today', '2026-02-30', 'hub', 'Leek']);
    expect(badDay.code).toBe(2);
  });
});

describe.skipIf(!HAS_TERMINAL)('twocheck hub on an 80-column terminal', () => {
  it('breaks a long answer between words, each line that runs on indented; piped, it stays as given', async () => {
    const dir = tempDir();
    const term = onTerminal(['hub', 'ST10 4AA'], { cwd: dir, env: { COLUMNS: '80', TWOCHECK_DB: path.join(dir, 'none.db') } });
    expect(await term.exited).toBe(1);
    const shown = term.plain().replace(/\r/g, '').trimEnd().split('\n');
    expect(shown.every((line) => line.length <= 80)).toBe(true);
    expect(shown).toContain('  the postcode ST10 4AA was given, but its sector ST10 4 covers Staffordshire');
    expect(shown).toContain('    Moorlands (West Hub) and East Staffordshire (East Hub) and Stafford (West');
    const piped = runCli(['hub', 'ST10 4AA'], { env: { COLUMNS: '80' } }).stdout.split('\n');
    expect(piped[1]).toMatch(/^ {2}the postcode ST10 4AA was given, .*: give the town or village as well$/);
  });
});
