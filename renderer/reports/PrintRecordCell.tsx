import { useTranslation } from 'react-i18next';

/** The last cell of a report row naming one complaint: prints that complaint's record, named by its number for screen readers. */
export function PrintRecordCell({ number, onPrint }: { number: string; onPrint: () => void }) {
  const { t } = useTranslation();
  return (
    <td>
      <button type="button" aria-label={t('reports.printRecordOf', { number })} onClick={onPrint}>
        {t('reports.printRecord')}
      </button>
    </td>
  );
}
