import { describe, expect, it } from 'vitest';
import { clockNameSchema, isoDateTimeSchema, phoneSchema, text } from './fields';

describe('shared field shapes', () => {
  it('text() refuses blank and over-long strings', () => {
    const t = text(5);
    expect(t.safeParse('ok').success).toBe(true);
    expect(t.safeParse(' \n\t').success).toBe(false);
    expect(t.safeParse('123456').success).toBe(false);
  });

  it('phones as people type them', () => {
    for (const ok of ['13800138000', '+86 138 0013 8000', '020-8888 1234', '(020)88881234', '10086#1']) {
      expect(phoneSchema.safeParse(ok).success, ok).toBe(true);
    }
    for (const bad of ['', '12', 'abc', '138<script>', '1'.repeat(33)]) {
      expect(phoneSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('times carry an offset and clocks are the deadline clocks', () => {
    expect(isoDateTimeSchema.safeParse('2026-11-23T10:00:00+08:00').success).toBe(true);
    expect(isoDateTimeSchema.safeParse('2026-11-23 10:00').success).toBe(false);
    expect(clockNameSchema.safeParse('handling').success).toBe(true);
    expect(clockNameSchema.safeParse('lunch').success).toBe(false);
  });
});
