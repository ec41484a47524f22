/**
 * A client's network as the chaos run sees it: a fetch that can be offline,
 * that sends a push twice, that replays an old push after newer ones (a
 * retried request overtaken by later ones), and that tells the run when a
 * push has left so the server can be killed while it is being handled.
 */
export interface ChaosNetwork {
  fetch: typeof fetch;
  setOnline(online: boolean): void;
  isOnline(): boolean;
  duplicateNextPush(): void;
  /** Sends one recorded push body again, now (reordered behind every newer push). */
  replayOldPush(pick: number): Promise<void>;
  pushesSent(): number;
}

export interface NetworkHooks {
  /** Called right after a push request left, before its answer. */
  onPushSent?(): void;
}

const PUSH_PATH = '/api/sync/events/push';
const STREAM_PATH = '/api/sync/events/stream';

function offlineError(): TypeError {
  return new TypeError('fetch failed: network is offline (chaos)');
}

export function createChaosNetwork(hooks: NetworkHooks = {}): ChaosNetwork {
  let online = true;
  let duplicate = false;
  const sentPushes: { url: string; init: RequestInit }[] = [];
  const openRequests = new Set<AbortController>();

  const chaosFetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    if (!online) throw offlineError();
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const isPush = url.includes(PUSH_PATH) && init.method === 'POST';
    // Going offline must also cut requests in flight and open streams, as a lost link does.
    const cut = new AbortController();
    const signal = init.signal ? AbortSignal.any([init.signal, cut.signal]) : cut.signal;
    const isStream = url.includes(STREAM_PATH);
    openRequests.add(cut);
    try {
      if (!isPush) return await fetch(input, { ...init, signal });
      sentPushes.push({ url, init: { method: init.method, headers: init.headers, body: init.body } });
      if (sentPushes.length > 50) sentPushes.shift();
      const first = fetch(input, { ...init, signal });
      hooks.onPushSent?.();
      if (!duplicate) return await first;
      duplicate = false;
      // The same request twice, concurrently: the server must store it once.
      const second = fetch(url, { method: init.method, headers: init.headers, body: init.body })
        .then((r) => r.text())
        .catch(() => undefined);
      const [res] = await Promise.all([first, second]);
      return res;
    } finally {
      // A stream lives on after its headers arrived; it stays cuttable until the next offline.
      if (!isStream) openRequests.delete(cut);
    }
  }) as typeof fetch;

  return {
    fetch: chaosFetch,
    setOnline(value) {
      online = value;
      if (value) return;
      for (const c of openRequests) c.abort(offlineError());
      openRequests.clear();
    },
    isOnline: () => online,
    duplicateNextPush() {
      duplicate = true;
    },
    async replayOldPush(pick) {
      if (!online || sentPushes.length === 0) return;
      const old = sentPushes[Math.floor(pick * sentPushes.length)];
      if (!old) return;
      try {
        const res = await fetch(old.url, old.init);
        await res.text();
      } catch {
        // the server may be down: a lost replay is just a lost duplicate
      }
    },
    pushesSent: () => sentPushes.length,
  };
}
