import type { Command } from 'commander';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHubLine } from '../../src/cli/hub.js';
import { buildProgram } from '../../src/cli/main.js';

/** What commander makes of a command line: the global and hub options and the words, or why not. */
async function commanderReads(args: string[]): Promise<unknown> {
  const argv = ['node', 'twocheck', ...args];
  const program = await buildProgram(argv);
  const silent = { writeOut: () => undefined, writeErr: () => undefined };
  program.configureOutput(silent);
  let read: unknown = 'no hub action';
  for (const sub of program.commands) {
    sub.configureOutput(silent);
    if (sub.name() === 'hub') {
      sub.action((...given: unknown[]) => {
        const hub = given[given.length - 1] as Command;
        read = { globals: program.opts(), hub: { ...hub.opts(), words: hub.args.join(' ') } };
      });
    }
  }
  try {
    await program.parseAsync(argv);
  } catch {
    return 'refused';
  }
  return read;
}

const TOKENS = [
  'hub',
  'Leek',
  'Newcastle',
  'under',
  'Lyme',
  'ST13 5AA',
  'st13',
  '',
  ' ',
  'R0001',
  'staffordshire',
  '--json',
  '--list',
  '--area',
  '--area=staffordshire',
  '--child',
  '--child=R1',
  '--db',
  'x.db',
  '--db=y.db',
  '--today',
  '2026-11-23',
  '--by',
  'Jo Bloggs',
  '--no-color',
  '--no-input',
  '-q',
  '--quiet',
  '--color',
  '--input',
  '--help',
  '-h',
  '-V',
  '--version',
  '--jsn',
  '-x',
  '-5',
  '--',
  '-',
  '--json=yes',
  '-qq',
  'help',
  'due',
  '--flag',
];

/** Tokens that make a line hub reads itself wherever they stand. */
const EVERYDAY = [
  'hub',
  'Leek',
  'Newcastle',
  'under',
  'Lyme',
  'ST13 5AA',
  '',
  ' ',
  '--json',
  '--list',
  '--area=staffordshire',
  '--child=R1',
  '--db=y.db',
  '--today=2026-11-23',
  '--by=Jo Bloggs',
  '--no-color',
  '--no-input',
  '-q',
  '--quiet',
];

describe('reading an everyday hub line without commander', () => {
  it.each([
    [['hub', 'Leek']],
    [['hub', 'Newcastle', 'under', 'Lyme', '--json']],
    [['--db', 'setting.db', 'hub', '--child', 'R0001']],
    [['hub', '--list', '--json']],
    [['-q', '--no-color', 'hub', 'ST13 5AA', '--area=staffordshire']],
    [['hub', 'Leek', '--today', '2026-11-23', '--by', 'Jo', '--no-input']],
    [['hub']],
  ])('%j is read directly, exactly as commander reads it', async (args) => {
    const direct = parseHubLine(args);
    expect(direct).not.toBeNull();
    expect(direct).toEqual(await commanderReads(args));
  });

  it.each([
    [['hub', '--help']],
    [['hub', '-h']],
    [['--version']],
    [['hub', 'Leek', '--jsn']],
    [['hub', '--area']],
    [['hub', '--', '-x']],
    [['due', '--json']],
    [['help', 'hub']],
    [['hub', '--json=yes']],
  ])('%j is left to commander', (args) => {
    expect(parseHubLine(args)).toBeNull();
  });

  it('never reads a line differently from commander', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...TOKENS), { maxLength: 7 }), fc.nat(7), async (tokens, at) => {
        const args = [...tokens.slice(0, at), 'hub', ...tokens.slice(at)];
        const direct = parseHubLine(args);
        if (direct !== null) expect(await commanderReads(args)).toEqual(direct);
      }),
      { numRuns: 400 },
    );
  });

  it('reads every everyday line itself, as commander would', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...EVERYDAY), { maxLength: 7 }), async (tokens) => {
        const args = ['hub', ...tokens];
        const direct = parseHubLine(args);
        expect(direct).not.toBeNull();
        expect(await commanderReads(args)).toEqual(direct);
      }),
      { numRuns: 300 },
    );
  });
});
