import { describe, expect, it } from 'vitest';
import { memoryWebStorage } from './memory-web-storage';

describe('memoryWebStorage', () => {
  it('keeps strings by key, counts and lists them, and forgets what is removed or cleared', () => {
    const s = memoryWebStorage();
    expect(s.getItem('a')).toBeNull();
    s.setItem('a', '1');
    s.setItem('b', String(2));
    expect(s.getItem('a')).toBe('1');
    expect(s.length).toBe(2);
    expect([s.key(0), s.key(1), s.key(2)]).toEqual(['a', 'b', null]);
    s.removeItem('a');
    expect(s.getItem('a')).toBeNull();
    expect(s.length).toBe(1);
    s.clear();
    expect(s.length).toBe(0);
  });

  it('is a fresh store each time', () => {
    const one = memoryWebStorage();
    one.setItem('k', 'v');
    expect(memoryWebStorage().getItem('k')).toBeNull();
  });
});
