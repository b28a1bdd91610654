import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspace } from '../helpers/cli.js';

describe('twocheck templates', () => {
  it('lists the defaults, copies them for editing without overwriting, and shows edited copies in use', () => {
    const ws = workspace();
    const listed = ws.run(['templates', 'list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/parent-letter\.md\s+default\s+valid/);
    expect(listed.stdout).toMatch(/parent-letter\.pl\.md\s+default\s+valid/);

    expect(ws.run(['templates', 'init']).code).toBe(0);
    const copy = path.join(ws.dir, '.config', 'twocheck', 'templates', 'letters', 'parent-letter.md');
    fs.writeFileSync(copy, '---\ntitle: Mine\n---\nDear {{parent.name}}\n');
    const again = ws.run(['templates', 'init']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('parent-letter.md is already there and was kept (--force overwrites it)');
    expect(fs.readFileSync(copy, 'utf8')).toContain('Mine');
    expect(ws.run(['templates', 'list']).stdout).toMatch(/parent-letter\.md\s+edited\s+valid/);
    expect(ws.run(['templates', 'check']).code).toBe(0);

    expect(ws.run(['templates', 'init', '--force']).code).toBe(0);
    expect(fs.readFileSync(copy, 'utf8')).not.toContain('Mine');
  });

  it('init --to copies into the folder given', () => {
    const ws = workspace();
    expect(ws.run(['templates', 'init', '--to', 'mine']).code).toBe(0);
    expect(fs.readdirSync(path.join(ws.dir, 'mine')).sort()).toEqual(['group-invitation.md', 'parent-letter.md', 'parent-letter.pl.md']);
  });

  it('check exits 3 listing every problem with file, line and column', () => {
    const ws = workspace();
    ws.run(['templates', 'init']);
    const dir = path.join(ws.dir, '.config', 'twocheck', 'templates', 'letters');
    fs.writeFileSync(path.join(dir, 'parent-letter.md'), '---\ntitle: T\n---\nDear {{parent.nmae}}\n{{#if funded}}\n');
    fs.writeFileSync(path.join(dir, 'parent-letter.pl.md'), '---\ntitle: T\nlanguage: en\n---\nx {{hub.phone\n');
    const result = ws.run(['templates', 'check']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('parent-letter.md:4:6: unknown placeholder {{parent.nmae}}; valid: child.first_name');
    expect(result.stderr).toContain('parent-letter.md:5:1: {{#if funded}} is never closed');
    expect(result.stderr).toContain('parent-letter.pl.md:5:3: unclosed "{{"');
    expect(ws.run(['templates', 'list']).stdout).toMatch(/parent-letter\.md\s+edited\s+invalid/);
  });
});
