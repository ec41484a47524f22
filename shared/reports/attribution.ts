import type { ComplaintProjection } from '../fold/projection';
import type { AttributionVia, Directory, DirectoryUser } from './types';

export interface Attribution {
  agentId: string | null;
  teamId: string | null;
  via: AttributionVia;
}

/** Agent ids the officer notified (parties.notified), from the folded events. */
export function notifiedParties(p: ComplaintProjection): { agentIds: string[]; leadIds: string[] } {
  const applied = new Set(p.timeline.filter((t) => t.state === 'applied' && t.type === 'parties.notified').map((t) => t.eventId));
  const e = (p.events ?? []).find((x) => applied.has(x.id));
  const payload = (e?.payload ?? {}) as { agentIds?: unknown; leadIds?: unknown };
  const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return { agentIds: ids(payload.agentIds), leadIds: ids(payload.leadIds) };
}

export function registrarOf(p: ComplaintProjection): string | null {
  return p.timeline.find((t) => t.type === 'complaint.created' && t.state === 'applied')?.actorId ?? null;
}

/**
 * The one agent a complaint counts against in per-agent and per-team figures:
 * the complained-about agent when there is one (service quality: the
 * respondent's job number, else the agent the officer notified), otherwise
 * whoever handles it (the assignee, else who registered it). The team is that
 * agent's team in the directory.
 */
export function attribute(p: ComplaintProjection, directory: Directory): Attribution {
  const byId = new Map(directory.users.map((u) => [u.id, u]));
  const pick = (user: DirectoryUser | undefined, via: AttributionVia): Attribution | null =>
    user ? { agentId: user.id, teamId: user.teamId ?? null, via } : null;

  for (const job of p.respondent?.agentJobNumbers ?? []) {
    const found = pick(
      directory.users.find((u) => u.jobNumber && u.jobNumber === job),
      'respondent',
    );
    if (found) return found;
  }
  const notified = notifiedParties(p).agentIds[0];
  if (notified) return pick(byId.get(notified), 'notified') ?? { agentId: notified, teamId: null, via: 'notified' };
  if (p.assigneeId) return pick(byId.get(p.assigneeId), 'assignee') ?? { agentId: p.assigneeId, teamId: null, via: 'assignee' };
  const registrar = registrarOf(p);
  if (registrar) return pick(byId.get(registrar), 'registrar') ?? { agentId: registrar, teamId: null, via: 'registrar' };
  return { agentId: null, teamId: null, via: 'none' };
}

/** A service-quality complaint names the agent complained about. */
export function isServiceQuality(a: Attribution): boolean {
  return a.via === 'respondent' || a.via === 'notified';
}
