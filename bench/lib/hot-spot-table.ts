import type { HotSpot } from './cpuprofile-summary';
import { formatNumber, renderTable } from './table';

/** A titled Markdown table of a profile's hot spots: `what` names the first column (function, origin…). */
export function hotSpotTable(title: string, what: string, spots: HotSpot[]): string {
  return `${title}:\n\n${renderTable([what, 'self ms', 'share'], spots.map((h) => [h.name, formatNumber(h.selfMs), `${(h.share * 100).toFixed(1)} %`]))}`;
}
