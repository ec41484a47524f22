/**
 * Worker thread of the propagation benchmark: holds the stream connections
 * (so their parsing does not share an event loop with the writers) and
 * records when each event id first reaches each client, as epoch ms.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseStreamMessage, RESYNC } from '../shared/protocol/events';
import { SseParser } from '../shared/protocol/sse';

export interface ClientsInput {
  url: string;
  /** One token per client (several clients may share a user). */
  tokens: string[];
}

export interface ClientsReport {
  /** Per client: event id → epoch ms received. */
  received: Record<string, number>[];
  resyncs: number;
  errors: string[];
}

const epochNow = () => performance.timeOrigin + performance.now();

async function follow(url: string, token: string, sink: Map<string, number>, signal: AbortSignal, onReady: () => void, counters: { resyncs: number; errors: string[] }) {
  const res = await fetch(`${url}/api/sync/events/stream`, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal });
  if (!res.ok || !res.body) throw new Error(`stream ${res.status}`);
  onReady();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      for (const msg of parser.push(decoder.decode(chunk, { stream: true }))) {
        const at = epochNow();
        const parsed = parseStreamMessage(msg.data);
        if (parsed === RESYNC) {
          counters.resyncs++;
          continue;
        }
        for (const d of parsed?.documents ?? []) if (!sink.has(d.id)) sink.set(d.id, at);
      }
    }
  } catch (err) {
    if (!signal.aborted) counters.errors.push(String(err));
  }
}

if (parentPort) {
  const port = parentPort;
  const input = workerData as ClientsInput;
  const controller = new AbortController();
  const sinks = input.tokens.map(() => new Map<string, number>());
  const counters = { resyncs: 0, errors: [] as string[] };
  let ready = 0;
  const streams = input.tokens.map((token, i) =>
    follow(input.url, token, sinks[i] as Map<string, number>, controller.signal, () => {
      ready++;
      if (ready === input.tokens.length) port.postMessage({ type: 'ready' });
    }, counters).catch((err: unknown) => counters.errors.push(String(err))),
  );
  port.on('message', async (msg: { type: string }) => {
    // How many events each client holds so far: the benchmark waits until every expected one arrived.
    if (msg.type === 'counts') port.postMessage({ type: 'counts', counts: sinks.map((s) => s.size) });
    if (msg.type !== 'stop') return;
    controller.abort();
    await Promise.allSettled(streams);
    const report: ClientsReport = { received: sinks.map((s) => Object.fromEntries(s)), resyncs: counters.resyncs, errors: counters.errors.slice(0, 5) };
    port.postMessage({ type: 'report', report });
  });
}
