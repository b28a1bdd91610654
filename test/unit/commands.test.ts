import { describe, expect, it } from 'vitest';
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
