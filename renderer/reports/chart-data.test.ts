import { describe, expect, it } from 'vitest';
import type { GroupKpis, Kpis } from '../../shared/reports/types';
import { agentBars, categoryBars, figureWithValue, timelinessBars } from './chart-data';

const metric = (ids: string[]) => ({ count: ids.length, ids });
function group(name: string, handled: string[], rate: number | null): GroupKpis {
  const kpis = { received: metric(['a', 'b']), handled: metric(handled), timelinessRate: rate } as unknown as Kpis;
  return { id: name, name, kpis };
}

describe('report charts', () => {
  it('shows a team that handled nothing as "no data", never as 0 %', () => {
    const bars = timelinessBars([group('一组', ['x'], 0.5), group('二组', [], null), group('三组', ['y'], 0)], 'no data');
    expect(bars).toEqual([
      { name: '一组', value: 50, ids: ['x'] },
      { name: '二组 (no data)', value: null, ids: [] },
      { name: '三组', value: 0, ids: ['y'] },
    ]);
  });

  it('carries the complaints behind each bar, so a click drills down like a KPI', () => {
    expect(categoryBars([{ category: 'attitude', count: 2, ids: ['p', 'q'] }], (c) => `cat:${c}`)).toEqual([{ name: 'cat:attitude', value: 2, ids: ['p', 'q'] }]);
    expect(agentBars([group('王', [], null)])).toEqual([{ name: '王', value: 2, ids: ['a', 'b'] }]);
  });

  it('names a KPI with its value', () => {
    expect(figureWithValue('Received', 12)).toBe('Received: 12');
  });
});
