import { describe, expect, it } from 'vitest';
import { SETTING_FLAGS, workspace } from '../helpers/cli.js';

// A mistyped ref must read the same, and exit the same, whichever command it was typed into.
describe('a ref that names no child', () => {
  it('is answered alike by every command that takes one', () => {
    const ws = workspace();
    expect(ws.run(SETTING_FLAGS).code).toBe(0);
    const commands = [
      ['child', 'NOPE'],
      ['hub', '--child', 'NOPE'],
      ['consent', 'NOPE', '--method', 'paper'],
      ['check', 'NOPE', '--show'],
      ['concern', 'list', 'NOPE'],
      ['forget', 'NOPE', '--yes'],
      ['due', '--dismiss', 'NOPE', '--flag', 'check-missed', '--reason', 'typo'],
      ['letters', '--child', 'NOPE'],
    ];
    for (const args of commands) {
      const r = ws.run(args);
      expect({ args, code: r.code, said: r.stderr.split('\n')[0] }).toEqual({ args, code: 1, said: 'error: no child with the ref "NOPE"' });
      expect(r.stderr).toContain('see the refs with: twocheck children');
    }
  });
});
