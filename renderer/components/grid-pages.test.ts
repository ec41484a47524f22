import { describe, expect, it } from 'vitest';
import { pagesToRead } from './grid-pages';

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
