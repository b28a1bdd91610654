import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

const BUNDLE = path.join(ROOT, 'dist', 'twocheck.cjs');

/** twocheck's shipped files copied into `folder` (what npm installs), with or without its package.json. */
function copyOfTwocheck(folder: string, withPackageJson = true): string {
  fs.mkdirSync(path.join(folder, 'dist'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'bin'), path.join(folder, 'bin'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'templates'), path.join(folder, 'templates'), { recursive: true });
  fs.copyFileSync(BUNDLE, path.join(folder, 'dist', 'twocheck.cjs'));
  if (withPackageJson) fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(folder, 'package.json'));
  return path.join(folder, 'bin', 'twocheck.cjs');
}

/** twocheck run from `bin`, in a fresh folder with no database. */
const run = (bin: string, args: string[]) => runCli(args, { bin, env: { TWOCHECK_DB: path.join(tempDir(), 'none.db') } });

describe('the packed file', () => {
  it('runs in strict mode, as the ES modules it is packed from do', () => {
    expect(fs.readFileSync(BUNDLE, 'utf8').startsWith('"use strict";\n')).toBe(true);
  });

  it("is found by its own package.json, not by another project's folder above it", () => {
    const outer = tempDir();
    fs.writeFileSync(path.join(outer, 'package.json'), JSON.stringify({ name: 'some-other-project' }));
    fs.mkdirSync(path.join(outer, 'templates', 'areas'), { recursive: true });
    const bin = copyOfTwocheck(path.join(outer, 'vendor', 'twocheck'));
    const r = run(bin, ['hub', 'Leek']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('West Hub  0300 303 3923');
  });

  it("says its files are incomplete when its package.json is missing, rather than use another project's folder", () => {
    const outer = tempDir();
    fs.writeFileSync(path.join(outer, 'package.json'), JSON.stringify({ name: 'some-other-project' }));
    fs.mkdirSync(path.join(outer, 'templates', 'areas'), { recursive: true });
    const bin = copyOfTwocheck(path.join(outer, 'vendor', 'twocheck'), false);
    const r = run(bin, ['hub', 'Leek']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("twocheck's files are incomplete: no package.json of twocheck");
    expect(r.stdout).toBe('');
  });

  it('checks an area table edited after it was installed, as it reads it, for hub and for the whole program', () => {
    const folder = tempDir();
    const bin = copyOfTwocheck(folder);
    fs.copyFileSync(path.join(ROOT, 'dist', 'hub.cjs'), path.join(folder, 'dist', 'hub.cjs'));
    const table = path.join(folder, 'templates', 'areas', 'staffordshire.json');
    // the shipped table answers …
    expect(run(bin, ['hub', 'Leek']).stdout).toContain('West Hub  0300 303 3923');
    // … an edited one is checked: a Hub with no phone number is refused, never printed
    const edited = JSON.parse(fs.readFileSync(table, 'utf8')) as { hubs: { phone?: string }[] };
    delete edited.hubs[0]!.phone;
    fs.writeFileSync(table, JSON.stringify(edited, null, 2));
    for (const args of [
      ['hub', 'Leek'],
      ['hub', '--list'],
    ]) {
      const r = run(bin, args);
      expect(r.code, r.stderr).toBe(3);
      expect(r.stderr).toMatch(/the Hub table has \d+ problems?/);
      expect(r.stdout).not.toContain('0300 303');
    }
  });

  it('compiles from the code cache made with it, and never from a cache of another file or Node', () => {
    const folder = tempDir();
    const bin = copyOfTwocheck(folder);
    for (const file of ['hub.cjs', 'hub.cjs.cache', 'twocheck.cjs.cache'])
      fs.copyFileSync(path.join(ROOT, 'dist', file), path.join(folder, 'dist', file));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(folder, 'node_modules'));
    const { stampOf } = createRequire(import.meta.url)(bin) as { stampOf(file: string): string };
    const hub = path.join(folder, 'dist', 'hub.cjs');
    const cache = fs.readFileSync(`${hub}.cache`);
    const compiled = cache.subarray(cache.indexOf(10) + 1);
    /** the copied cache, its first line saying it was made from `stamp` */
    const stamped = (stamp: string): void => fs.writeFileSync(`${hub}.cache`, Buffer.concat([Buffer.from(`${stamp}\n`), compiled]));
    const said = (): string => run(bin, ['hub', 'Cheadle']).stdout.split('\n')[0]!;
    // the bundle is edited, keeping its length, after its cache was made
    const source = fs.readFileSync(hub, 'utf8');
    const edited = source.replace('Not sure which Hub', 'NOT SURE WHICH HUB');
    expect(edited.length).toBe(source.length);
    fs.writeFileSync(hub, edited);
    // V8 alone would take the old cache for it (it checks the length), and run the old words …
    stamped(stampOf(hub));
    expect(said()).toBe('Not sure which Hub');
    // … but a cache stamped for another file, or by another Node, is never used
    fs.writeFileSync(hub, edited);
    expect(said()).toBe('NOT SURE WHICH HUB');
    stamped(stampOf(hub).replace(/^v[\d.]+/, 'v0.0.0'));
    expect(said()).toBe('NOT SURE WHICH HUB');
    // a cache that is not V8's at all is refused by V8, and the file compiled as usual
    for (const file of [`${hub}.cache`, path.join(folder, 'dist', 'twocheck.cjs.cache')]) {
      const bytes = fs.readFileSync(file);
      const line = bytes.toString('latin1', 0, bytes.indexOf(10));
      bytes.fill(7, line.length + 1);
      fs.writeFileSync(
        file,
        Buffer.concat([Buffer.from(`${stampOf(file.slice(0, -'.cache'.length))}\n`), bytes.subarray(line.length + 1)]),
      );
    }
    expect(said()).toBe('NOT SURE WHICH HUB');
    const version = run(bin, ['--version']);
    expect(version.stderr).toBe('');
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('says how to build when it is missing', () => {
    const folder = tempDir();
    fs.cpSync(path.join(ROOT, 'bin'), path.join(folder, 'bin'), { recursive: true });
    const r = run(path.join(folder, 'bin', 'twocheck.cjs'), ['hub', 'Leek']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('twocheck is not built');
    expect(r.stderr).toContain('run: npm run build');
  });
});

describe('npm pack', () => {
  it('builds before it packs, so a checkout with no dist/ still packs the bundle', () => {
    // A copy of the project with no dist/, whose build only writes an empty bundle: this checks
    // that npm pack runs the build, not the build itself.
    const folder = tempDir();
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    pkg.scripts.build =
      "node -e \"const fs=require('fs');fs.mkdirSync('dist');for(const f of ['twocheck.cjs','twocheck.cjs.cache'])fs.writeFileSync('dist/'+f,'')\"";
    fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify(pkg));
    fs.cpSync(path.join(ROOT, 'bin'), path.join(folder, 'bin'), { recursive: true });
    const r = spawnSync('npm', ['pack', '--dry-run', '--json'], {
      cwd: folder,
      encoding: 'utf8',
      env: { ...process.env, npm_config_loglevel: 'silent' },
    });
    expect(r.status, r.stderr).toBe(0);
    const [packed] = JSON.parse(r.stdout.slice(r.stdout.indexOf('['))) as { files: { path: string }[] }[];
    expect(packed?.files.map((f) => f.path)).toContain('dist/twocheck.cjs');
    expect(packed?.files.map((f) => f.path)).toContain('dist/twocheck.cjs.cache');
  });
});
