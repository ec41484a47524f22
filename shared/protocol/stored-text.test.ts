import { describe, expect, it } from 'vitest';
import { isStorableText, MAX_STORED_ID, storedIdSchema } from './stored-text';

describe('stored text and ids', () => {
  it('storable text has no NUL and no lone surrogate', () => {
    expect(isStorableText('投诉 😀')).toBe(true);
    expect(isStorableText('a\u0000')).toBe(false);
    expect(isStorableText('\ud83d')).toBe(false);
    expect(isStorableText('x\udc00')).toBe(false);
  });

  it('a stored id is 1 to 200 characters of storable text', () => {
    expect(storedIdSchema.safeParse('0192-abc').success).toBe(true);
    expect(storedIdSchema.safeParse('x'.repeat(MAX_STORED_ID)).success).toBe(true);
    for (const bad of ['', 'x'.repeat(MAX_STORED_ID + 1), 'a\u0000b', '\ud800', 42, null]) {
      expect(storedIdSchema.safeParse(bad).success, String(bad).slice(0, 10)).toBe(false);
    }
  });
});
