import { describe, expect, it } from 'vitest';
import { canonicalJson, firstDifference } from './canonical-json';

describe('canonicalJson', () => {
  it('ignores key order and undefined fields', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe('{"a":{"d":[1,{"x":1,"y":2}]},"b":1}');
  });

  it('names the first differing path', () => {
    expect(firstDifference({ a: { b: [1, 2] } }, { a: { b: [1, 3] } })).toBe('$.a.b.1: 2 ≠ 3');
    expect(firstDifference({ a: 1 }, { a: 1 })).toBeNull();
  });
});
