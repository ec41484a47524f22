import { describe, expect, it } from 'vitest';
import { fnv1a128Hex } from './fnv1a';

describe('fnv1a128Hex', () => {
  it('matches the published FNV-1a 128 test vectors', () => {
    expect(fnv1a128Hex('')).toBe('6c62272e07bb014262b821756295c58d');
    expect(fnv1a128Hex('a')).toBe('d228cb696f1a8caf78912b704e4a8964');
  });

  it('hashes UTF-8 bytes, so Chinese text is stable too', () => {
    expect(fnv1a128Hex('投诉')).toMatch(/^[0-9a-f]{32}$/);
    expect(fnv1a128Hex('投诉')).not.toBe(fnv1a128Hex('投拆'));
  });
});
