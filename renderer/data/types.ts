import type { Policy } from '../../shared/policy/policy';
import type { WorkCalendar } from '../../shared/calendar/calendar';
import type { ComplaintProjection, ComplaintStatus, TimelineEntry } from '../../shared/fold/projection';
import type { RejectReason, StoredEvent } from '../../shared/events/envelope';
import type { Category, Grade } from '../../shared/events/fields';
/** The UI languages are defined with the language picker; re-exported for the session's settings. */
export type { Language } from '../i18n/pick-language';
export type { ComplaintProjection, ComplaintStatus, TimelineEntry };

export type { SessionUser } from '../../shared/protocol/auth';

export type SessionStatus = 'loading' | 'signed_out' | 'signed_in' | 'expired';

export type SignInError = 'invalid' | 'offline_unknown' | 'rate_limited' | 'network';
export type SignInResult = { ok: true; offline: boolean } | { ok: false; error: SignInError };


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
}

export type QueueScope = 'mine' | 'team' | 'branch' | 'all';
export type QueueSort = 'deadline' | 'updated';

export interface QueueFilter {
  /** mine: complaints I handle (assigned to me, or registered by me and not assigned);
   *  team: handled by a member of my team; branch: my branch; all: everything on this workstation. */
  scope: QueueScope;
  status?: ComplaintStatus | ComplaintStatus[];
  grade?: Grade | Grade[];
  category?: Category | Category[];
  /** A clock has passed. */
  overdue?: boolean;
  /** The nearest clock falls today (centre's time zone). */
  dueToday?: boolean;
  /** Same matching as useSearch. */
  text?: string;
  sort?: QueueSort;
  /** Page size, default 50. */
  limit?: number;
  /** Rows to skip, default 0. */
  skip?: number;
}

export interface QueueResult {
  items: ComplaintProjection[];
  /** Rows matching the filter, all pages together. */
  count: number;
  loading: boolean;
}

export type { ReferenceUser, ReferenceBranch, ReferenceTeam, ReferenceScript } from '../../shared/protocol/reference';
import type { ReferenceUser, ReferenceBranch, ReferenceTeam, ReferenceScript } from '../../shared/protocol/reference';

/** Server-authoritative data that replicates down only. */
export interface Reference {
  users: ReferenceUser[];
  branches: ReferenceBranch[];
  teams: ReferenceTeam[];
  policy: Policy;
  calendar: WorkCalendar;
  scripts: ReferenceScript[];
  /** ISO time of the last successful reference pull; null before the first one (defaults in use). */
  pulledAt: string | null;
}

export type EventSyncState = 'pending' | 'synced' | 'rejected';

/** A local event as the outbox / needs-attention lists show it. */
export interface PendingEvent {
  event: StoredEvent;
  complaintNumber: string | null;
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

export type CommandError =
  | 'not_signed_in'
  | 'forbidden'
  | 'invalid'
  | 'not_found'
  | 'not_allowed_now';

export type CommandResult =
  | { ok: true; eventId: string }
  /** `code`: the server's reason code when the client's own check refused it as the server would. */
  | { ok: false; error: CommandError; message?: string; code?: string };

/**
 * An earlier complaint from the same phone in the same category, inside the
 * policy's repeat window: from the local store, or from the server's wider
 * view when online (only what intake needs to warn).
 */
export interface PriorComplaint {
  id: string;
  number: string | null;
  status: string;
  category: string | null;
  branchId: string;
  /** ISO instant of receipt (creation when unknown). */
  receivedAt: string | null;
  source: 'local' | 'server';
}
