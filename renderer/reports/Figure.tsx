import { useTranslation } from 'react-i18next';
import type { Metric } from '../../shared/reports/types';
import { figureWithValue } from './chart-data';

export interface Drill {
  figure: string;
  ids: string[];
}

/** A count that opens the complaints behind it; its name carries the count it shows. */
export function Figure({ metric, label, onDrill }: { metric: Metric; label: string; onDrill(d: Drill): void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="link" aria-label={t('reports.showRows', { figure: figureWithValue(label, metric.count) })} onClick={() => onDrill({ figure: label, ids: metric.ids })}>
      {metric.count}
    </button>
  );
}
