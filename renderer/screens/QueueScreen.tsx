import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, GRADES } from '../../shared/events/fields';
import { COMPLAINT_STATUSES } from '../../shared/fold/projection';
import type { QueueFilter, QueueScope } from '../data/types/queue';
import type { SessionUser } from '../data/types/session';
import { useGridContext } from '../hooks/use-grid-context';
import { AnyOfSelect } from '../components/AnyOfSelect';
import { ComplaintGrid } from '../components/ComplaintGrid';
import { useUiStore, type ScreenId } from '../state/ui-store';
import { scopesFor, wideScope } from '../app/default-scope';
import { useAccessibleName } from '../i18n/use-accessible-name';

interface Props {
  user: SessionUser;
  screen: ScreenId;
  title: string;
  /** The scope the screen starts in. */
  scope: QueueScope;
  /** Sorting the overdue and escalated first (the supervisor's view). */
  initial?: Partial<QueueFilter>;
}

/** A filterable, live, virtualised queue with countdowns. */
export function QueueScreen({ user, screen, title, scope, initial }: Props) {
  const { t } = useTranslation();
  const an = useAccessibleName();
  const grid = useGridContext();
  const stored = useUiStore((s) => s.filters[screen]);
  const setFilter = useUiStore((s) => s.setFilter);
  const [count, setCount] = useState<number | null>(null);
  const scopes = scopesFor(user.role);
  const base: QueueFilter = stored ?? { scope, sort: 'deadline', ...initial };
  const fallbackScope = scopes.includes(scope) ? scope : wideScope(user.role);
  const filter: QueueFilter = scopes.includes(base.scope) ? base : { ...base, scope: fallbackScope };
  const change = (c: Partial<QueueFilter>) => setFilter(screen, { ...filter, ...c });

  const one = <T,>(v: T | T[] | undefined): T | '' => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

  return (
    <section aria-label={title}>
      <h1>
        {title} {count !== null && <span className="hint">{t('queue.count', { count })}</span>}
      </h1>
      <div className="toolbar" role="group" aria-label={t('queue.filters')}>
        {scopes.length > 1 && (
          <label>
            {t('queue.scope')}
            <select value={filter.scope} onChange={(e) => change({ scope: e.target.value as QueueScope })}>
              {scopes.map((s) => (
                <option key={s} value={s}>{t(`queue.scopes.${s}`)}</option>
              ))}
            </select>
          </label>
        )}
        <AnyOfSelect
          label={t('queue.status')}
          value={one(filter.status)}
          values={COMPLAINT_STATUSES}
          text={(s) => t(`statuses.${s}`)}
          onChange={(status) => change({ status })}
        />
        <AnyOfSelect label={t('queue.grade')} value={one(filter.grade)} values={GRADES} text={(g) => t(`grades.${g}`)} onChange={(grade) => change({ grade })} />
        <AnyOfSelect
          label={t('queue.category')}
          ariaLabel={an.either('Category filter', t('queue.category'))}
          value={one(filter.category)}
          values={CATEGORIES}
          text={(c) => t(`categories.${c}`)}
          onChange={(category) => change({ category })}
        />
        <label className="check">
          <input
            type="checkbox"
            checked={filter.overdue ?? false}
            onChange={(e) => change({ overdue: e.target.checked || undefined })}
          />
          {t('queue.overdue')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={filter.dueToday ?? false}
            onChange={(e) => change({ dueToday: e.target.checked || undefined })}
          />
          {t('queue.dueToday')}
        </label>
        <label>
          {t('queue.sort')}
          <select value={filter.sort ?? 'deadline'} onChange={(e) => change({ sort: e.target.value as QueueFilter['sort'] })}>
            <option value="deadline">{t('queue.sortDeadline')}</option>
            <option value="updated">{t('queue.sortUpdated')}</option>
          </select>
        </label>
        <span className="hint" style={{ marginLeft: 'auto' }}>{t('queue.keyboardHint')}</span>
      </div>
      <ComplaintGrid filter={filter} {...grid} onCount={setCount} />
    </section>
  );
}
