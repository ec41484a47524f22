import { describe, expect, it } from 'vitest';
import { en } from './resources/en';
import { EXPORT_LABELS_EN } from '../../shared/reports/export-tables';
import { zhCN } from './resources/zh-CN';

function leaves(obj: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof obj !== 'object' || obj === null) return out;
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

// Which placeholders, not how often: a translation may name one twice.
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]))].sort();

describe('translation resources', () => {
  const enLeaves = leaves(en);
  const zhLeaves = leaves(zhCN);

  it('have the same keys in English and Chinese', () => {
    expect([...zhLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of enLeaves) {
      expect(placeholders(zhLeaves.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('leave no string empty', () => {
    for (const [key, text] of [...enLeaves, ...zhLeaves]) expect(text.trim(), key).not.toBe('');
  });

  it('translate the visible texts rather than copying English', () => {
    // Proper names and codes may match; the screens' words must not.
    for (const key of ['nav.new', 'nav.queue', 'intake.save', 'soothing.calmed', 'detail.escalate']) {
      expect(zhLeaves.get(key), key).not.toBe(enLeaves.get(key));
      expect(zhLeaves.get(key), key).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('reports strings', () => {
  function keys(o: object, prefix = ''): string[] {
    return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`])).sort();
  }

  it('has every key in both languages', () => {
    expect(keys(zhCN.reports)).toEqual(keys(en.reports));
  });

  it('labels every export column', () => {
    expect(Object.keys(en.reports.col).sort()).toEqual(Object.keys(EXPORT_LABELS_EN).sort());
    expect(en.reports.col).toEqual(EXPORT_LABELS_EN);
  });
});
