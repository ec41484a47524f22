import { useTranslation } from 'react-i18next';

/**
 * A queue filter on one field: any value (unset), or one of `values`, each
 * shown by `text`. Answers the value itself (a grade stays a number), or
 * undefined for any.
 */
export function AnyOfSelect<T extends string | number>({
  label,
  ariaLabel,
  value,
  values,
  text,
  onChange,
}: {
  label: string;
  /** Where the visible label is not the name assistive technology should use. */
  ariaLabel?: string;
  value: T | '' | undefined;
  values: readonly T[];
  text(value: T): string;
  onChange(value: T | undefined): void;
}) {
  const { t } = useTranslation();
  return (
    <label>
      {label}
      <select aria-label={ariaLabel} value={String(value ?? '')} onChange={(e) => onChange(values.find((v) => String(v) === e.target.value))}>
        <option value="">{t('queue.any')}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {text(v)}
          </option>
        ))}
      </select>
    </label>
  );
}
