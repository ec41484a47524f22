import { describe, expect, it } from 'vitest';
import { decodeSimplePng } from './png-decode';
import { crc32, encodePng } from './png-encode';

describe('PNG encoding', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.from('IEND'))).toBe(0xae426082);
  });

  it('round-trips pixels', () => {
    const rgba = Uint8Array.from({ length: 3 * 2 * 4 }, (_, i) => (i * 37) % 256);
    const png = encodePng(3, 2, rgba);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(decodeSimplePng(png)).toEqual({ width: 3, height: 2, rgba });
  });

  it('detects corruption', () => {
    const png = encodePng(1, 1, Uint8Array.of(1, 2, 3, 4));
    png[20] = (png[20] ?? 0) ^ 0xff;
    expect(() => decodeSimplePng(png)).toThrow(/CRC/);
  });

  it('refuses mismatched data', () => {
    expect(() => encodePng(2, 2, new Uint8Array(3))).toThrow();
    expect(() => encodePng(0, 2, new Uint8Array(0))).toThrow();
  });
});
