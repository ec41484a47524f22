import { Observable, switchMap, timer } from 'rxjs';
import { hubLinksAnswerSchema, type HubLink } from '../../../shared/protocol/hub';
import type { Api } from '../sync/api';

/** How often the list of branch hubs is asked for again while it is shown. */
export const HUB_LINKS_REFRESH_MS = 30_000;

/** One answer of GET /api/hubs, or null (offline, not allowed, not what the protocol says). */
export function fetchHubLinks(api: Pick<Api, 'json'>, signal?: AbortSignal): Observable<HubLink[] | null> {
  return new Observable<HubLink[] | null>((subscriber) => {
    api
      .json<unknown>('GET', '/api/hubs', undefined, signal ? { signal } : undefined)
      .then((raw) => {
        const parsed = hubLinksAnswerSchema.safeParse(raw);
        subscriber.next(parsed.success ? parsed.data.items : null);
      })
      .catch(() => subscriber.next(null))
      .finally(() => subscriber.complete());
  });
}

/**
 * Each branch hub's link to this (central) server, as admins and supervisors
 * see it: asked at once and every `refreshMs` while subscribed. Null while
 * the server cannot say (offline); the last answer stays until a new one.
 */
export function hubLinks$(api: Pick<Api, 'json'>, refreshMs: number = HUB_LINKS_REFRESH_MS): Observable<HubLink[] | null> {
  return timer(0, refreshMs).pipe(switchMap(() => fetchHubLinks(api)));
}
