import { describe, expect, it } from 'vitest';
import { EXPORT_LABELS_EN } from '../../shared/reports/export-tables';
import { reportsEn, reportsZh } from './strings';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`])).sort();
}

describe('reports strings', () => {
  it('has every key in both languages', () => {
    expect(keys(reportsZh)).toEqual(keys(reportsEn));
  });

  it('labels every export column', () => {
    expect(Object.keys(reportsEn.col).sort()).toEqual(Object.keys(EXPORT_LABELS_EN).sort());
    expect(reportsEn.col).toEqual(EXPORT_LABELS_EN);
  });
});
