import { describe, expect, it } from 'vitest';
import type { ComplaintProjection } from '../../../shared/fold/projection';
import { keyedCodec } from './keyed-codec';
import { plainCodec } from './search-codec';

const key = (fill: number) => new Uint8Array(32).fill(fill);
const complaint = (o: { number?: string; name?: string; phone?: string; description?: string } = {}) =>
  ({
    number: o.number ?? 'GZ-20261123-0007',
    complainant: { name: o.name ?? '欧阳娜娜', phone: o.phone ?? '139-1234-5678', customerType: 'ordinary' },
    description: o.description ?? '宽带安装迟迟不来',
  }) as unknown as ComplaintProjection;

describe('keyed search codec', () => {
  it('keeps the number readable and nothing of the name, phone or description', () => {
    const entry = keyedCodec(key(1)).entryOf(complaint({ name: 'Chen Wei' }));
    expect(entry).toContain('gz-20261123-0007');
    for (const clear of ['chen', 'wei', '1234', '5678', '139', '宽带', '安装']) expect(entry).not.toContain(clear);
  });

  it('finds what the plain codec finds: number, 4+ phone digits, name, 2+ Chinese characters of the description', () => {
    const p = complaint();
    const keyed = keyedCodec(key(1));
    const entry = keyed.entryOf(p);
    const plainEntry = plainCodec.entryOf(p);
    const queries = ['GZ-20261123-0007', 'gz202611230007', '0007', '5678', '1391 2345', '欧阳娜娜', '阳娜', '宽带', '迟迟不来', '发票', '9999', '欧阳明', 'abc'];
    for (const q of queries) {
      expect(keyed.matcherOf(q)?.(entry), q).toBe(plainCodec.matcherOf(q)?.(plainEntry));
    }
  });

  it('matches within one field only, and only with the same key', () => {
    const p = complaint({ name: '王明', description: '明天' });
    const entry = keyedCodec(key(1)).entryOf(p);
    // '王明' is the name and '明天' the description: '王明天' is in neither.
    expect(keyedCodec(key(1)).matcherOf('王明天')?.(entry)).toBe(false);
    expect(keyedCodec(key(1)).matcherOf('王明')?.(entry)).toBe(true);
    expect(keyedCodec(key(2)).matcherOf('王明')?.(entry)).toBe(false);
    expect(keyedCodec(key(2)).entryOf(p)).not.toBe(entry);
  });

  it('gives the same entry for the same complaint, and refuses queries too short', () => {
    expect(keyedCodec(key(1)).entryOf(complaint())).toBe(keyedCodec(key(1)).entryOf(complaint()));
    expect(keyedCodec(key(1)).matcherOf('138')).toBeNull();
    expect(keyedCodec(key(1)).matcherOf('王')).toBeNull();
  });
});
