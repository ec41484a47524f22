import type { CategoryCount, GroupKpis } from '../../shared/reports/types';

/** One bar: its label, its value (null: nothing to measure), and the complaints a click opens. */
export interface ChartBar {
  name: string;
  value: number | null;
  ids: string[];
}

const percent = (rate: number) => Math.round(rate * 10_000) / 100;

/**
 * Timeliness by team. A team that handled nothing has no rate: its bar is
 * empty and its label says "no data", never a 0 % that reads as all late.
 */
export function timelinessBars(groups: GroupKpis[], noData: string): ChartBar[] {
  return groups.map((g) =>
    g.kpis.timelinessRate === null
      ? { name: `${g.name} (${noData})`, value: null, ids: g.kpis.handled.ids }
      : { name: g.name, value: percent(g.kpis.timelinessRate), ids: g.kpis.handled.ids },
  );
}

export function categoryBars(counts: CategoryCount[], label: (category: CategoryCount['category']) => string): ChartBar[] {
  return counts.map((c) => ({ name: label(c.category), value: c.count, ids: c.ids }));
}

export function agentBars(groups: GroupKpis[]): ChartBar[] {
  return groups.map((g) => ({ name: g.name, value: g.kpis.received.count, ids: g.kpis.received.ids }));
}

/** The accessible name and label of a KPI: the figure and its value. */
export function figureWithValue(label: string, value: string | number): string {
  return `${label}: ${value}`;
}
