import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlainText, plainText } from './plain-text';

describe('plain text at the boundary', () => {
  it('refuses every C0/C1 control character and DEL on one line, keeps line breaks in multi-line text', () => {
    for (let c = 0; c < 0xa0; c++) {
      const ch = String.fromCharCode(c);
      const control = c < 0x20 || (c >= 0x7f && c < 0xa0);
      expect(isPlainText(`a${ch}b`), `U+${c.toString(16)}`).toBe(!control);
      expect(isPlainText(`a${ch}b`, true), `U+${c.toString(16)} multi-line`).toBe(!control || ch === '\n' || ch === '\r' || ch === '\t');
    }
  });

  it('refuses lone surrogates and keeps surrogate pairs', () => {
    expect(isPlainText('\ud800')).toBe(false);
    expect(isPlainText('x\udc00y')).toBe(false);
    expect(isPlainText('\udc00\ud800')).toBe(false);
    expect(isPlainText('投诉😀')).toBe(true);
  });

  it('accepts any well-formed text without controls, refuses it with one inserted', () => {
    const ok = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((s) => isPlainText(s));
    fc.assert(
      fc.property(ok, fc.integer({ min: 0, max: 0x1f }), fc.nat(), (s, c, at) => {
        const schema = plainText({ max: 100 });
        expect(schema.safeParse(s).success).toBe(true);
        const i = at % (s.length + 1);
        expect(schema.safeParse(s.slice(0, i) + String.fromCharCode(c) + s.slice(i)).success).toBe(false);
      }),
    );
  });

  it('bounds the length', () => {
    expect(plainText({ max: 5 }).safeParse('123456').success).toBe(false);
    expect(plainText({ max: 5, trim: true }).safeParse('  12345  ').data).toBe('12345');
    expect(plainText({ max: 5 }).safeParse('').success).toBe(false);
  });
});
