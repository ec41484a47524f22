import type { ChaosClientOptions } from './chaos-client';

/** Messages between the chaos run and its workstation threads. */
export interface WriteStep {
  actionRoll: number;
  complaintRoll: number;
  /** Used when the step registers a new complaint. */
  newNumber: string;
  payloadSeed: number;
  serial: string;
  userIds: string[];
  /** The branch of a complaint this step registers (the workstation user's). */
  branchId: string;
  /** Hub runs: where a transfer takes a complaint of each branch. */
  transferTargets?: Record<string, string>;
}

export type ClientRequest =
  | { op: 'start'; options: Omit<ChaosClientOptions, 'onPushSent' | 'onError'> }
  | { op: 'write'; step: WriteStep }
  | { op: 'online'; online: boolean }
  | { op: 'duplicate-next-push' }
  | { op: 'replay-old-push'; pick: number }
  | { op: 'settle'; timeoutMs: number }
  | { op: 'snapshot' }
  | { op: 'explain'; ids: string[]; seqs: number[] }
  | { op: 'close' };

export interface ClientSnapshot {
  events: ({ id: string; status: string; complaintId: string; type: string } & Record<string, unknown>)[];
  complaints: { id: string; projection: Record<string, unknown> }[];
}

/** How the events a check found missing or stuck travelled to this client (sync-trace.ts). */
export interface TraceExplanation {
  events: Record<string, string>;
  errors: string[];
  batches: string[];
}
