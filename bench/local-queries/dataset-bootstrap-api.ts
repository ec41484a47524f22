import type { StoredEvent } from '../../shared/events/envelope';
import type { BootstrapPage } from '../../shared/protocol/bootstrap';
import type { Api } from '../../renderer/data/sync/api';
import type { Dataset } from '../../test/fixtures/complaint-dataset';

/**
 * `GET /api/sync/bootstrap` answered from a generated dataset inside the
 * benchmark page, as the server answers it (complaints by id, each with all
 * its events as accepted and numbered in feed order, `upTo` the feed's head,
 * totals on the first page). It lets the page fill a replica of 100,000
 * complaints through the workstation's own first-sync code (bulk writes,
 * projector, search index) without a server holding them.
 */
export function datasetBootstrapApi(data: Dataset): Api {
  const seqOf = new Map<string, number>();
  data.events.forEach((e, i) => seqOf.set(e.id, i + 1));
  const complaints = [...data.complaints].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const wire = (e: Dataset['events'][number]): StoredEvent => ({ ...e, seq: seqOf.get(e.id), status: 'accepted', receivedAt: e.occurredAt });
  return {
    baseUrl: async () => 'http://dataset.invalid',
    async json<T>(method: string, path: string): Promise<T> {
      const url = new URL(path, 'http://dataset.invalid');
      if (method !== 'GET' || url.pathname !== '/api/sync/bootstrap') throw new Error(`dataset api: no ${method} ${url.pathname}`);
      const after = url.searchParams.get('after');
      const limit = Number(url.searchParams.get('limit') ?? 200);
      let from = 0;
      if (after !== null) while (from < complaints.length && complaints[from]!.id <= after) from++;
      const slice = complaints.slice(from, from + limit);
      const last = from + limit >= complaints.length;
      const page: BootstrapPage = {
        upTo: data.events.length,
        complaints: slice.map((c) => ({ id: c.id, events: c.events.map(wire) })),
        rejected: [],
        next: last ? null : slice.at(-1)!.id,
        total: after === null ? { complaints: complaints.length, events: data.events.length } : null,
      };
      return page as T;
    },
    raw: () => Promise.reject(new Error('dataset api: no stream')),
  };
}
