import { useTranslation } from 'react-i18next';

/** One of the reports' filters (branch, team, agent): all of them, or one. */
export function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string | undefined;
  options: readonly { id: string; name: string }[];
  onChange(value: string): void;
}) {
  const { t } = useTranslation();
  return (
    <label>
      {label}
      <select aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('reports.all')}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}
