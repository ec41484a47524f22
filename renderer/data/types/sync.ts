import type { TimelineEntry } from '../../../shared/fold/projection';
import type { RejectReason, StoredEvent } from '../../../shared/events/envelope';

/** What the sync bar shows; never blocks work. */
export interface SyncState {
  /** navigator.onLine and the last request to the server both say reachable. */
  online: boolean;
  /** A pull or push is in flight. */
  syncing: boolean;
  /** Local events the server has not yet acknowledged (no server status yet). */
  pending: number;
  /** ISO time of the last successful exchange with the server. */
  lastSyncedAt: string | null;
  /** The token was refused: replication is paused, pending events wait, sign in again. */
  authExpired: boolean;
  /** The last replication error in plain words, cleared by the next success. */
  error: string | null;
  /** Behind a branch hub: whether the hub reaches the central server, and how much waits there; null otherwise. */
  upstream: HubLinkState | null;
  /** While an empty replica's first sync runs: how far it is; null otherwise. */
  firstSync: FirstSyncProgress | null;
}

/** An empty replica's first sync (the bootstrap): complaints and events so far, and the time left. */
export interface FirstSyncProgress {
  complaints: number;
  events: number;
  totalComplaints: number;
  totalEvents: number;
  /** Estimated from this run's rate; null until a page has arrived. */
  msLeft: number | null;
}

/** The hub's own link to central, as the hub's /health reports it. */
export interface HubLinkState {
  connected: boolean;
  lastSyncAt: string | null;
  pendingUp: number;
  /** Events with a seq up to this are confirmed by central; later ones only by the hub. */
  confirmedThrough: number;
}

/**
 * `synced`: confirmed by the server. Behind a branch hub, `at_hub`: accepted by the hub, not yet confirmed by the
 * central server; `central`: confirmed by the central server.
 */
export type EventSyncState = 'pending' | 'synced' | 'at_hub' | 'central' | 'rejected';

/** A local event as the outbox / needs-attention lists show it. */
export interface PendingEvent {
  event: StoredEvent;
  complaintNumber: string | null;
}

/** An outbox row: a local event and how far it got (saved here, at the hub, confirmed by central). */
export interface OutboxRow extends PendingEvent {
  sync: EventSyncState;
}

export interface RejectedEvent {
  event: StoredEvent;
  complaintNumber: string | null;
  reason: RejectReason;
}

/** A timeline entry with the sync state of its event on this workstation. */
export interface TimelineRow extends TimelineEntry {
  sync: EventSyncState;
  reason?: RejectReason;
  /** The event's payload as stored here (who to, why), when the event is on this workstation. */
  payload?: Record<string, unknown>;
}
