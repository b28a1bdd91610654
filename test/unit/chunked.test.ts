import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { chunkedWriter } from '../../src/cli/chunked.js';
import type { Context } from '../../src/cli/context.js';

/* The long lists (due, remind) keep their own colours on a terminal, and never a name's escapes. */
function writerTo(level: 0 | 1): { text: () => string; writer: ReturnType<typeof chunkedWriter> } {
  let written = '';
  const stdout = {
    write: (s: string) => {
      written += s;
      return true;
    },
    isTTY: level > 0,
  };
  const ctx = { out: { stdout, stdoutIsTTY: level > 0, paint: new Chalk({ level }) } } as unknown as Context;
  return { text: () => written, writer: chunkedWriter(ctx) };
}

describe('chunkedWriter', () => {
  it("passes its own colour codes through on a colour terminal, and shows a name's other escapes", async () => {
    const { text, writer } = writerTo(1);
    writer.line(`${new Chalk({ level: 1 }).red('D04')} Dan\u001b]0;owned\u0007\n`);
    await writer.end();
    expect(text()).toBe('\u001b[31mD04\u001b[39m Dan\\x1B]0;owned\\x07\n');
  });
  it('shows every escape when colour is off', async () => {
    const { text, writer } = writerTo(0);
    writer.line('\u001b[31mD04\u001b[39m\n');
    await writer.end();
    expect(text()).toBe('\\x1B[31mD04\\x1B[39m\n');
  });
});
