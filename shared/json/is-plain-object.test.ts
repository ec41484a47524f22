import { describe, expect, it } from 'vitest';
import { isPlainObject } from './is-plain-object';

describe('isPlainObject', () => {
  it('takes objects, not null, arrays or scalars', () => {
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject({ a: 1 })).toBe(true);
    expect(isPlainObject(null)).toBe(false);
    expect(isPlainObject([])).toBe(false);
    expect(isPlainObject('x')).toBe(false);
    expect(isPlainObject(1)).toBe(false);
  });
});
