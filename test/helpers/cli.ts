import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin', 'twocheck.cjs');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  input?: string | Buffer;
  /** another copy of twocheck's bin/twocheck.cjs, e.g. one copied elsewhere (default: this one) */
  bin?: string;
}

/** A temporary folder that a test uses as a user's working folder and home. */
export function tempDir(prefix = 'twocheck-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Runs the built binary as a user would: its own folder, its own HOME, no colour,
 * no terminal, and only the environment given.
 */
export function runCli(args: string[], options: RunOptions = {}): RunResult {
  const cwd = options.cwd ?? tempDir();
  const result = spawnSync(process.execPath, [options.bin ?? BIN, ...args], {
    cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: cwd,
      XDG_DATA_HOME: path.join(cwd, '.local', 'share'),
      XDG_CONFIG_HOME: path.join(cwd, '.config'),
      FORCE_COLOR: '0',
      TZ: process.env.TZ,
      ...options.env,
    },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A user's folder with its own database, and a runner bound to both. */
export function workspace(extraEnv: Record<string, string> = {}) {
  const dir = tempDir();
  const db = path.join(dir, 'data', 'twocheck.db');
  const run = (args: string[], options: RunOptions = {}): RunResult =>
    runCli(args, { cwd: dir, ...options, env: { TWOCHECK_DB: db, ...extraEnv, ...options.env } });
  const write = (name: string, content: string | Buffer): string => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
  };
  return { dir, db, run, write };
}

/** The setting's details, as `setup` takes them by flags. */
export const SETTING_FLAGS = [
  'setup',
  '--name',
  'Little Acorns Nursery',
  '--address',
  '1 Church Street, Leek',
  '--postcode',
  'ST13 5AA',
  '--phone',
  '01538 000111',
  '--email',
  'office@littleacorns.example',
  '--manager',
  'Jo Bloggs',
  '--urn',
  'EY123456',
];
