import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartBar } from './chart-data';
import type { Drill } from './Figure';

interface Props {
  caption: string;
  data: ChartBar[];
  valueName: string;
  fill: string;
  percent?: boolean;
  onDrill(d: Drill): void;
}

/**
 * One bar chart of the reports. Labels are rotated and never skipped, so long
 * Chinese names stay readable; a click on a bar opens the complaints behind it,
 * as a KPI does.
 */
export function BarFigure({ caption, data, valueName, fill, percent = false, onDrill }: Props) {
  return (
    <figure>
      <figcaption>{caption}</figcaption>
      {/* As wide as its column: the three charts share the page's width. */}
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" interval={0} angle={-35} textAnchor="end" height={80} tick={{ fontSize: 12, fill: '#333' }} />
          <YAxis allowDecimals={false} domain={percent ? [0, 100] : undefined} tick={{ fontSize: 12, fill: '#333' }} />
          <Tooltip />
          <Bar
            dataKey="value"
            name={valueName}
            fill={fill}
            cursor="pointer"
            onClick={(entry: { payload?: ChartBar }) => {
              const bar = entry.payload;
              if (bar) onDrill({ figure: `${caption}: ${bar.name}`, ids: bar.ids });
            }}
          />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
