import { describe, expect, it } from 'vitest';
import { counted } from '../../src/domain/words.js';

describe('counted', () => {
  it('says one thing in the singular and any other number in the plural', () => {
    expect(counted(1, 'session')).toBe('1 session');
    expect(counted(0, 'session')).toBe('0 sessions');
    expect(counted(3, 'child', 'children')).toBe('3 children');
    expect(counted(1, 'child', 'children')).toBe('1 child');
  });
});
