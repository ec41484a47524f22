import { describe, expect, it } from 'vitest';
import { pageReads, pagesToRead } from './grid-pages';

describe('grid pages read', () => {
  it('reads the pages on screen and one beyond each end', () => {
    expect(pagesToRead(250, 270, 1000, 100)).toEqual([100, 200, 300]);
    expect(pagesToRead(295, 310, 1000, 100)).toEqual([100, 200, 300, 400]);
  });

  it('stays within the rows there are, and reads the first page before the count is known', () => {
    expect(pagesToRead(0, 20, null, 100)).toEqual([0]);
    expect(pagesToRead(0, 20, 150, 100)).toEqual([0, 100]);
    expect(pagesToRead(0, 20, 90, 100)).toEqual([0]);
    expect(pagesToRead(0, 0, 0, 100)).toEqual([0]);
    expect(pagesToRead(880, 899, 900, 100)).toEqual([700, 800]);
  });
});

describe('how the grid reads its pages', () => {
  it('goes on from the last row of the page before, and waits for a page before that is still being read', () => {
    const lasts = new Map([[0, 'r99']]);
    expect(pageReads([0, 100, 200, 300], lasts, 100)).toEqual([{ skip: 0 }, { skip: 100, after: 'r99' }]);
    lasts.set(100, 'r199');
    expect(pageReads([100, 200, 300], lasts, 100)).toEqual([
      { skip: 100, after: 'r99' },
      { skip: 200, after: 'r199' },
    ]);
  });

  it('after a jump, reads the first page from the nearest row read before it, or from the start', () => {
    const lasts = new Map([
      [0, 'r99'],
      [100, 'r199'],
      [900, 'r999'],
    ]);
    expect(pageReads([400, 500, 600], lasts, 100)).toEqual([{ skip: 400, after: 'r199', afterSkip: 200 }]);
    expect(pageReads([2000, 2100], new Map<number, string>(), 100)).toEqual([{ skip: 2000 }]);
  });
});
