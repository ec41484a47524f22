import { describe, expect, it } from 'vitest';
import { BOM, guardFormula, toCsv } from './csv';

describe('CSV: RFC 4180, BOM for Excel, formula injection guarded', () => {
  it('quotes what needs quoting and doubles quotes, CRLF line ends', () => {
    const csv = toCsv({ headers: ['a', 'b'], rows: [['x,y', 'say "hi"'], ['line\nbreak', null], [1.5, true]] });
    expect(csv).toBe(`${BOM}a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",\r\n1.5,TRUE\r\n`);
  });

  it('keeps Chinese text intact after the BOM', () => {
    expect(toCsv({ headers: ['编号'], rows: [['服务态度']] })).toBe('\uFEFF编号\r\n服务态度\r\n');
  });

  it('prefixes text a spreadsheet would run as a formula, never typed numbers', () => {
    for (const bad of ['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx']) expect(guardFormula(bad)).toBe(`'${bad}`);
    expect(guardFormula('a=b')).toBe('a=b');
    expect(toCsv({ headers: ['v'], rows: [['=HYPERLINK("x")'], [-3]] })).toBe(`${BOM}v\r\n"'=HYPERLINK(""x"")"\r\n-3\r\n`);
  });
});
