import { describe, expect, it } from 'vitest';
import { commandAt } from '../../src/cli/command-line.js';
import { commandNamed } from '../../src/cli/commands.js';

describe('finding the command a command line names', () => {
  it.each([
    [['hub', 'Leek'], 'hub'],
    [['--today', '2026-11-23', 'due', '--json'], 'due'],
    [['--db', 'hub', 'children'], 'children'],
    [['--no-color', '-q', 'import', 'roster.csv'], 'import'],
    [['--help'], undefined],
    [['help', 'hub'], undefined],
    [['hbu'], undefined],
    [['toString'], undefined],
    [[], undefined],
  ])('%j names %s', (args, expected) => {
    expect(commandNamed(args)).toBe(expected);
  });
});

describe('finding where the command stands', () => {
  it.each([
    [['hub', 'Leek'], 0],
    [['--db', 'hub', 'hub', 'Leek'], 2],
    [['-q', '--no-color', 'hub'], 2],
    [['--db=x.db', 'hub'], 1],
    [['--', 'hub'], 2],
    [['--json'], 1],
  ])('%j: at %i', (args, expected) => {
    expect(commandAt(args)).toBe(expected);
  });
});
