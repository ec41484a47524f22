import { startTsWorker } from '../../bench/lib/ts-worker';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Session } from '../../bench/lib/api-client';
import type { ClientRequest, ClientSnapshot, TraceExplanation, WriteStep } from './chaos-client-protocol';
import type { ChaosClientOptions } from './chaos-client';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The main thread's handle on one workstation thread. */
export interface ChaosClientThread {
  index: number;
  session: Session;
  write(step: WriteStep): Promise<Record<string, unknown> | null>;
  setOnline(online: boolean): Promise<void>;
  duplicateNextPush(): Promise<void>;
  replayOldPush(pick: number): Promise<void>;
  settle(timeoutMs: number): Promise<void>;
  snapshot(): Promise<ClientSnapshot>;
  explain(ids: string[], seqs: number[]): Promise<TraceExplanation>;
  close(): Promise<void>;
}

export async function startClientThread(
  options: Omit<ChaosClientOptions, 'onPushSent' | 'onError'>,
  hooks: { onPushSent(): void; onError(message: string): void },
): Promise<ChaosClientThread> {
  const worker = startTsWorker(path.join(here, 'chaos-client-worker.ts'));
  let next = 0;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  worker.on('message', (msg: { type: string; id?: number; result?: unknown; error?: string; message?: string }) => {
    if (msg.type === 'push-sent') hooks.onPushSent();
    else if (msg.type === 'error') hooks.onError(msg.message ?? '');
    else if (msg.type === 'reply' && msg.id !== undefined) {
      const w = waiting.get(msg.id);
      waiting.delete(msg.id);
      if (msg.error !== undefined) w?.reject(new Error(msg.error));
      else w?.resolve(msg.result);
    }
  });
  worker.on('error', (err) => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  });
  const call = <T>(req: ClientRequest): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, req });
    });
  await call({ op: 'start', options });
  return {
    index: options.index,
    session: options.session,
    write: (step) => call({ op: 'write', step }),
    setOnline: (online) => call({ op: 'online', online }),
    duplicateNextPush: () => call({ op: 'duplicate-next-push' }),
    replayOldPush: (pick) => call({ op: 'replay-old-push', pick }),
    settle: (timeoutMs) => call({ op: 'settle', timeoutMs }),
    snapshot: () => call({ op: 'snapshot' }),
    explain: (ids, seqs) => call({ op: 'explain', ids, seqs }),
    async close() {
      await call({ op: 'close' }).catch(() => undefined);
      await worker.terminate();
    },
  };
}
