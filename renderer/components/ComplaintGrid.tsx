import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { ComplaintProjection } from '../../shared/fold/projection';
import type { QueueCursor, QueueFilter } from '../data/types/queue';
import type { Policy } from '../../shared/policy/policy';
import { useAccessibleName } from '../i18n/use-accessible-name';
import { isTypingTarget, matches } from '../app/hotkeys';
import { useHotkey } from '../app/use-hotkey';
import { nearestDeadline } from '../app/due-soon';
import { DeadlineBadge } from './DeadlineBadge';
import { QueuePage } from './QueuePage';
import { pageReads, pagesToRead } from './grid-pages';
import { useQueueCount } from '../hooks/use-queue-count';
import { useReference } from '../hooks/use-reference';

const ROW_HEIGHT = 34;
const PAGE = 100;

interface Props {
  filter: QueueFilter;
  selectedId: string | null;
  onOpen(id: string): void;
  now: string;
  policy: Policy;
  /** Complaints with events not yet synced from this workstation. */
  pendingIds: ReadonlySet<string>;
  onCount?(count: number): void;
}

/**
 * The queue as an ARIA grid named "Complaints": rows are virtualised (only
 * those on screen exist in the DOM) yet keep their place for assistive
 * technology through aria-rowcount and aria-rowindex. j/k or arrows move,
 * Enter or a click opens the detail.
 */
export function ComplaintGrid({ filter, selectedId, onOpen, now, policy, pendingIds, onCount }: Props) {
  const { t } = useTranslation();
  const an = useAccessibleName();
  const { calendar } = useReference();
  const scrollRef = useRef<HTMLDivElement>(null);
  const filterKey = JSON.stringify(filter);
  const [data, setData] = useState<{
    key: string;
    rows: Map<number, ComplaintProjection>;
    /** Each loaded page's last row (by the page's first index): the next page is read after it. */
    lasts: Map<number, QueueCursor>;
    /** Rows of the first page, the rows known to exist before the count is in. */
    firstPage: number | null;
  }>({ key: filterKey, rows: new Map(), lasts: new Map(), firstPage: null });
  const current =
    data.key === filterKey ? data : { key: filterKey, rows: new Map<number, ComplaintProjection>(), lasts: new Map<number, QueueCursor>(), firstPage: null };
  // Counted once for all the pages (each page is then one read); the first page's rows show before it is in.
  const counted = useQueueCount(filter);
  const knownCount = counted ?? (current.firstPage !== null && current.firstPage < PAGE ? current.firstPage : null);
  const count = knownCount ?? current.firstPage ?? 0;

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const first = virtualRows[0]?.index ?? 0;
  const last = virtualRows[virtualRows.length - 1]?.index ?? 0;
  const reads = useMemo(() => pageReads(pagesToRead(first, last, knownCount, PAGE), current.lasts, PAGE), [first, last, knownCount, current.lasts]);

  const onData = useCallback(
    (skip: number, items: ComplaintProjection[], last: QueueCursor | null) => {
      setData((prev) => {
        const same = prev.key === filterKey;
        const rows = same ? new Map(prev.rows) : new Map<number, ComplaintProjection>();
        // A page that shrank must not leave its old tail behind.
        for (let i = skip; i < skip + PAGE; i++) rows.delete(i);
        items.forEach((item, i) => rows.set(skip + i, item));
        const known = same ? prev.lasts.get(skip) : undefined;
        // Kept as it was when unchanged, so the next page does not ask again.
        const lasts = same ? new Map(prev.lasts) : new Map<number, QueueCursor>();
        if (last && items.length === PAGE) {
          if (known?.key !== last.key || known.id !== last.id) lasts.set(skip, last);
        } else lasts.delete(skip);
        const firstPage = skip === 0 ? items.length : same ? prev.firstPage : null;
        return { key: filterKey, rows, lasts, firstPage };
      });
    },
    [filterKey],
  );

  useEffect(() => {
    if (knownCount !== null) onCount?.(knownCount);
  }, [knownCount, onCount]);

  const selectedIndex = useMemo(() => {
    // Rows past a count that shrank stay in the map until their page is read again.
    for (const [i, c] of current.rows) if (i < count && c.id === selectedId) return i;
    return -1;
  }, [current.rows, selectedId, count]);

  const move = (delta: number) => {
    if (count === 0) return;
    const next = Math.min(count - 1, Math.max(0, (selectedIndex < 0 ? (delta > 0 ? -1 : count) : selectedIndex) + delta));
    virtualizer.scrollToIndex(next, { align: 'auto' });
    const row = current.rows.get(next);
    if (row) {
      onOpen(row.id);
      requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus());
    }
  };

  useHotkey((e) => {
    if (isTypingTarget(e.target) || document.querySelector('[role="dialog"]')) return;
    const inGrid = scrollRef.current?.contains(e.target as Node) ?? false;
    if (matches(e, 'J') || (inGrid && matches(e, 'ArrowDown'))) {
      e.preventDefault();
      move(1);
    } else if (matches(e, 'K') || (inGrid && matches(e, 'ArrowUp'))) {
      e.preventDefault();
      move(-1);
    }
  });

  return (
    <div className="grid" role="grid" aria-label={an.of('complaints')} aria-rowcount={count + 1} aria-readonly="true">
      {reads.map((r) => (
        <QueuePage key={`${filterKey}:${r.skip}`} filter={filter} skip={r.skip} limit={PAGE} after={r.after} afterSkip={r.afterSkip} onData={onData} />
      ))}
      <div role="rowgroup">
        <div className="grid-head" role="row" aria-rowindex={1}>
          <span role="columnheader">{t('queue.columns.number')}</span>
          <span role="columnheader">{t('queue.columns.customer')}</span>
          <span role="columnheader">{t('queue.columns.category')}</span>
          <span role="columnheader">{t('queue.columns.grade')}</span>
          <span role="columnheader">{t('queue.columns.status')}</span>
          <span role="columnheader">{t('queue.columns.deadline')}</span>
        </div>
      </div>
      <div className="grid-body" ref={scrollRef} role="rowgroup">
        {/* A row even when there is none to list: a grid's row group always holds rows. */}
        {count === 0 && (
          <div role="row" className="empty" data-state={knownCount === 0 ? 'empty' : 'loading'}>
            <span role="gridcell">{knownCount === 0 ? t('queue.empty') : t('queue.loading')}</span>
          </div>
        )}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualRows.map((v) => {
            const c = current.rows.get(v.index);
            const selected = c !== undefined && c.id === selectedId;
            const tabbable = selected || (selectedIndex < 0 && v.index === first);
            const near = c ? nearestDeadline(c) : null;
            return (
              <div
                key={c?.id ?? `row-${v.index}`}
                role="row"
                className="grid-row"
                aria-rowindex={v.index + 2}
                aria-selected={selected}
                data-index={v.index}
                tabIndex={tabbable ? 0 : -1}
                style={{ transform: `translateY(${v.start}px)` }}
                onClick={() => c && onOpen(c.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && c) {
                    e.preventDefault();
                    onOpen(c.id);
                  }
                }}
              >
                {c ? (
                  <>
                    <span role="gridcell" className="num">
                      {c.number}
                      {pendingIds.has(c.id) && (
                        <span className="badge pending" title={t('queue.notSynced')}>
                          {' '}
                          ⟳<span className="sr-only">{t('queue.notSynced')}</span>
                        </span>
                      )}
                    </span>
                    <span role="gridcell">{c.complainant?.name ?? ''}</span>
                    <span role="gridcell">{c.category ? t(`categories.${c.category}`) : ''}</span>
                    <span role="gridcell">{c.grade ? t(`grades.${c.grade}`) : ''}</span>
                    <span role="gridcell">
                      {t(`statuses.${c.status}`)}
                      {c.escalationLevel > 0 && (
                        <span className="badge escalated" title={t('queue.escalatedBadge', { level: t(`levels.${c.escalationLevel}`) })}>
                          {' '}
                          <span aria-hidden="true">↑{c.escalationLevel}</span>
                          <span className="sr-only">{t('queue.escalatedBadge', { level: t(`levels.${c.escalationLevel}`) })}</span>
                        </span>
                      )}
                    </span>
                    <span role="gridcell">
                      {near && <DeadlineBadge due={near.due} clock={near.clock} now={now} policy={policy} calendar={calendar} />}
                    </span>
                  </>
                ) : (
                  <span role="gridcell">…</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
