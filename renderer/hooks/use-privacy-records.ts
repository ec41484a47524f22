import { useCallback, useEffect, useState } from 'react';
import type { AccessAction, AccessLogEntry } from '../../shared/audit/access-record';
import type { ErasureRecord, ErasureRequest } from '../../shared/erasure/wire';
import { fetchAccessLog, fetchErasures, requestErasure, type ErasureOutcome } from '../data/audit/privacy-api';
import { useDataStore } from '../data/context';

export interface ServerList<T> {
  items: T[];
  /** Null while loading or when loaded; a message when the server could not be asked (offline). */
  error: string | null;
  loading: boolean;
  more: boolean;
  loadMore(): void;
  reload(): void;
}

/** A paged list the server holds, read page by page; it is not replicated, so offline it says so. */
function useServerList<T>(load: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }> | null, key: string): ServerList<T> {
  const [state, setState] = useState<{ items: T[]; cursor: string | null; error: string | null; loading: boolean; round: number }>({
    items: [],
    cursor: null,
    error: null,
    loading: true,
    round: 0,
  });
  const fetchPage = useCallback(
    (cursor: string | null, append: boolean) => {
      const pending = load(cursor);
      if (!pending) return;
      setState((s) => ({ ...s, loading: true }));
      pending.then(
        (page) => setState((s) => ({ ...s, items: append ? [...s.items, ...page.items] : page.items, cursor: page.nextCursor, error: null, loading: false })),
        (err: unknown) => setState((s) => ({ ...s, error: err instanceof Error ? err.message : String(err), loading: false })),
      );
    },
    // The key stands for the query: a new query is a new loader.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );
  useEffect(() => fetchPage(null, false), [fetchPage, state.round]);
  return {
    items: state.items,
    error: state.error,
    loading: state.loading,
    more: state.cursor !== null,
    loadMore: () => fetchPage(state.cursor, true),
    reload: () => setState((s) => ({ ...s, round: s.round + 1 })),
  };
}

export function useAccessLog(q: { action?: AccessAction; complaintId?: string }): ServerList<AccessLogEntry> {
  const store = useDataStore();
  return useServerList((cursor) => (store ? fetchAccessLog(store.api, { ...q, cursor }) : null), `${store ? 'on' : 'off'}|${q.action ?? ''}|${q.complaintId ?? ''}`);
}

export function useErasures(): ServerList<ErasureRecord> {
  const store = useDataStore();
  return useServerList((cursor) => (store ? fetchErasures(store.api, cursor) : null), store ? 'on' : 'off');
}

/** Sends an erasure request; the outcome is the server's answer (confirmed or refused, with its reason). */
export function useRequestErasure(): (request: ErasureRequest) => Promise<ErasureOutcome> {
  const store = useDataStore();
  return useCallback(
    (request: ErasureRequest) =>
      store ? requestErasure(store.api, request) : Promise.resolve({ ok: false as const, status: 0, code: 'not_ready', message: '' }),
    [store],
  );
}
