import type { StoredEvent } from '../../shared/events/envelope';
import type { DocumentsOrigin } from '../../renderer/data/sync/event-stream';
import type { TraceExplanation } from './chaos-client-protocol';

/**
 * A client's sync history, kept so that a failed convergence check can say
 * how an event that is missing locally travelled: which pull or stream
 * message brought it (with the checkpoint that message moved to), whether
 * RxDB then wrote it, and which replication errors were seen.
 */
export interface SyncTrace {
  delivered(docs: readonly StoredEvent[], from: DocumentsOrigin): void;
  /** The live stream connected (each connect makes RxDB pull what it missed) or dropped. */
  connection(open: boolean): void;
  stored(id: string, status: string): void;
  error(err: unknown): void;
  /** One line per event id asked about, and the replication errors seen (most recent last). */
  explain(ids: readonly string[], seqs?: readonly number[]): TraceExplanation;
}

interface Batch {
  n: number;
  at: number;
  source: DocumentsOrigin['source'] | 'stream opened' | 'stream lost';
  checkpoint: number | null;
  from: number | null;
  seqs: number[];
}

export function createSyncTrace(): SyncTrace {
  const started = Date.now();
  const batches: Batch[] = [];
  const deliveredIn = new Map<string, number[]>();
  const storedAs = new Map<string, string[]>();
  const errors: string[] = [];
  return {
    delivered(docs, from) {
      const batch: Batch = { n: batches.length, at: Date.now() - started, source: from.source, checkpoint: from.checkpoint?.seq ?? null, from: from.from?.seq ?? null, seqs: docs.map((d) => d.seq ?? -1) };
      batches.push(batch);
      for (const d of docs) deliveredIn.set(d.id, [...(deliveredIn.get(d.id) ?? []), batch.n]);
    },
    connection(open) {
      batches.push({ n: batches.length, at: Date.now() - started, source: open ? 'stream opened' : 'stream lost', checkpoint: null, from: null, seqs: [] });
    },
    stored(id, status) {
      storedAs.set(id, [...(storedAs.get(id) ?? []), status]);
    },
    error(err) {
      const e = err as { message?: string; code?: string; parameters?: unknown };
      errors.push(`${Date.now() - started} ms ${e.code ?? ''} ${(e.message ?? String(err)).split('\n')[0]} ${JSON.stringify(e.parameters ?? {}).slice(0, 300)}`);
    },
    explain(ids, seqs = []) {
      const events: Record<string, string> = {};
      const involved = new Set<number>();
      for (const id of ids) {
        const inBatches = deliveredIn.get(id) ?? [];
        for (const n of inBatches) involved.add(n);
        events[id] = `delivered in ${inBatches.length ? inBatches.map((n) => `#${n}`).join(', ') : 'no batch'}; written by replication as ${storedAs.get(id)?.join(' → ') ?? 'never'}`;
      }
      const describe = (b: Batch) => `#${b.n} at ${b.at} ms ${b.source}${b.from !== null ? ` from ${b.from}` : ''} → checkpoint ${b.checkpoint}: seqs ${b.seqs.join(',')}`;
      // The batches that carried the events, and the ones around them.
      // The first batch whose checkpoint passed each given server sequence: the one that skipped it, if it was not delivered.
      for (const s of seqs) {
        const k = batches.findIndex((b) => b.checkpoint !== null && b.checkpoint >= s);
        if (k >= 0) involved.add(k);
      }
      const around = new Set<number>();
      for (const n of involved) for (let k = n - 4; k <= n + 8; k++) if (k >= 0 && k < batches.length) around.add(k);
      return { events, errors: errors.slice(-8), batches: [...around].sort((a, b) => a - b).map((n) => describe(batches[n] as Batch)) };
    },
  };
}
