import { describe, expect, it } from 'vitest';
import { NotJson } from '../../src/errors.js';

const refusal = (text: string): NotJson => {
  try {
    JSON.parse(text);
  } catch (err) {
    return new NotJson('check.json', text, err, 'not valid JSON');
  }
  throw new Error('parsed');
};

describe('a file that is not JSON', () => {
  it('is named with the line and column where parsing stopped', () => {
    // a comma left after the last field: the closing brace on line 4 is where it fails
    const r = refusal('{\n  "completed_on": "2026-11-01",\n  "practitioner": "Sam",\n}\n');
    expect(r.message).toBe('check.json:4:1: not valid JSON');
    expect(r.exitCode).toBe(3);
    expect(r.problems[0]).toMatch(/position 59/);
    expect(refusal('[1, 2 3]').message).toBe('check.json:1:7: not valid JSON');
  });

  it('reads a line and column given by newer releases of Node', () => {
    const r = new NotJson('a.json', '{}', new SyntaxError('Unexpected token (line 3 column 7)'), 'not valid JSON');
    expect(r.message).toBe('a.json:3:7: not valid JSON');
  });

  it('names the file alone when the runtime gives no position', () => {
    const r = new NotJson('a.json', '{', new SyntaxError('Unexpected end of JSON input'), 'not valid JSON');
    expect(r.message).toBe('a.json: not valid JSON');
  });
});
