import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { editDistance, suggestCommands } from '../../src/cli/suggest.js';

const names = Object.keys(COMMANDS);

describe('did you mean', () => {
  it.each([
    ['dew', 'due'],
    ['lettres', 'letters'],
    ['chidl', 'child'],
    ['consnet', 'consent'],
    ['grups', 'groups'],
    ['improt', 'import'],
    ['hbu', 'hub'],
    ['exprot', 'export'],
    ['templtes', 'templates'],
    ['remnid', 'remind'],
    ['chek', 'check'],
    ['concren', 'concern'],
    ['forgte', 'forget'],
    ['stup', 'setup'],
    ['childrn', 'children'],
  ])('offers %s → %s first', (typed, meant) => {
    expect(suggestCommands(typed, names)[0]).toBe(meant);
  });

  it('offers nothing for a word far from every command', () => {
    expect(suggestCommands('xyzzy', names)).toEqual([]);
    expect(suggestCommands('q', names)).toEqual([]);
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('due', 'deu')).toBe(1);
    expect(editDistance('dew', 'due')).toBe(2);
    expect(editDistance('', 'hub')).toBe(3);
  });
});
