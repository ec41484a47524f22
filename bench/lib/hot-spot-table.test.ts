import { describe, expect, it } from 'vitest';
import { hotSpotTable } from './hot-spot-table';

describe('hotSpotTable', () => {
  it('renders the title, the named first column, milliseconds and shares as percent', () => {
    const text = hotSpotTable('CPU profile', 'function', [{ name: 'fold', selfMs: 1234.5, share: 0.4567 }]);
    expect(text).toBe(['CPU profile:', '', '| function | self ms | share  |', '| -------- | ------- | ------ |', '| fold     | 1,235   | 45.7 % |'].join('\n'));
  });
});
