import { describe, expect, it } from 'vitest';
import { firstDifference } from './first-difference';

describe('firstDifference', () => {
  it('names the first differing path', () => {
    expect(firstDifference({ a: { b: [1, 2] } }, { a: { b: [1, 3] } })).toBe('$.a.b.1: 2 ≠ 3');
    expect(firstDifference({ a: 1 }, { a: 1 })).toBeNull();
  });
});
