import { useTranslation } from 'react-i18next';

/** The row of a report table with nothing in the period: says so, rather than leaving headers over nothing. */
export function EmptyRow({ columns }: { columns: number }) {
  const { t } = useTranslation();
  return (
    <tr>
      <td colSpan={columns} className="hint">
        {t('reports.nothingInPeriod')}
      </td>
    </tr>
  );
}
