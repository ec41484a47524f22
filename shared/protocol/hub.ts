import { z } from 'zod';
import { rejectReasonSchema, MAX_PUSH_ROWS } from './events';

/**
 * What a branch hub and the central server say to each other (besides the
 * ordinary sign-in and pull the hub makes as its `hub` user), and the
 * `upstream` object of a hub's `/health`.
 */

/** `POST /api/sync/relay`: events a hub's workstations wrote, unchanged, in the order the hub accepted them. */
export const MAX_RELAY_EVENTS = MAX_PUSH_ROWS;
export const relayRequestSchema = z.object({
  events: z.array(z.record(z.string(), z.unknown())).min(1).max(MAX_RELAY_EVENTS),
});
export type RelayRequest = z.infer<typeof relayRequestSchema>;

/** Central's verdict on one relayed event: final, whatever the hub decided. */
export const relayVerdictSchema = z.object({
  id: z.string(),
  status: z.enum(['accepted', 'rejected']),
  reason: rejectReasonSchema.optional(),
});
export type RelayVerdict = z.infer<typeof relayVerdictSchema>;
export const relayAnswerSchema = z.object({ verdicts: z.array(relayVerdictSchema) });
export type RelayAnswer = z.infer<typeof relayAnswerSchema>;

/** `POST /api/sync/hub/checkin`: the hub reports how far behind it is and gets what its branch needs to work alone. */
export const hubCheckinRequestSchema = z.object({
  pendingUp: z.number().int().min(0).max(1_000_000_000),
});
export type HubCheckinRequest = z.infer<typeof hubCheckinRequestSchema>;

export const hubUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  branchId: z.string().nullable(),
  teamId: z.string().nullable(),
  jobNumber: z.string().nullable(),
  disabled: z.boolean(),
  /** When the account last changed (workstations' offline sign-in compares it). */
  updatedAt: z.string(),
  /** The sign-in verifier: only for the users who may work in the hub's branch. */
  passwordHash: z.string().nullable(),
});
export type HubUser = z.infer<typeof hubUserSchema>;

export const hubDirectorySchema = z.object({
  /** Central's reference version when this was read. */
  version: z.number().int(),
  branchId: z.string(),
  users: z.array(hubUserSchema),
  branches: z.array(z.object({ id: z.string(), name: z.string(), nameEn: z.string().nullable(), disabled: z.boolean() })),
  teams: z.array(
    z.object({ id: z.string(), branchId: z.string(), name: z.string(), leadId: z.string().nullable(), disabled: z.boolean() }),
  ),
  /** The policy pack as central stores it (revision included). */
  policy: z.record(z.string(), z.unknown()),
  scripts: z.array(
    z.object({
      id: z.string(),
      language: z.string(),
      scenario: z.string(),
      category: z.string().nullable(),
      title: z.string(),
      text: z.string(),
      sort: z.number().int(),
      disabled: z.boolean(),
    }),
  ),
});
export type HubDirectory = z.infer<typeof hubDirectorySchema>;

/** `GET /health`'s `upstream` on a hub. */
export const upstreamHealthSchema = z.object({
  url: z.string(),
  connected: z.boolean(),
  lastSyncAt: z.string().nullable(),
  pendingUp: z.number().int().min(0),
  /** Every event of the hub's feed with a seq up to this is central's word (events are relayed in feed order). */
  confirmedThrough: z.number().int().min(0).optional(),
});
export type UpstreamHealth = z.infer<typeof upstreamHealthSchema>;

/** `GET /health`: every server's answer; a hub's adds `upstream`. */
export const healthAnswerSchema = z.object({
  status: z.string(),
  storage: z.string().optional(),
  version: z.string().optional(),
  upstream: upstreamHealthSchema.optional(),
});
export type HealthAnswer = z.infer<typeof healthAnswerSchema>;

/** `GET /api/hubs` on central (admins, supervisors): each branch hub's link. */
export const hubLinkSchema = z.object({
  id: z.string(),
  username: z.string(),
  branchId: z.string().nullable(),
  connected: z.boolean(),
  lastContactAt: z.string().nullable(),
  pendingUp: z.number().int().nullable(),
});
export type HubLink = z.infer<typeof hubLinkSchema>;
export const hubLinksAnswerSchema = z.object({ items: z.array(hubLinkSchema) });

/** A hub not heard from for this long is shown as not connected. */
export const HUB_CONTACT_STALE_MS = 2 * 60_000;
