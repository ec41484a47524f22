import type { EventType, PayloadOf } from '../../shared/events/catalogue';
import type { ComplaintProjection } from '../../shared/fold/projection';
import { canWrite } from '../../shared/rules/permissions';
import type { Role } from '../../shared/roles';
import { createRng } from '../fixtures/rng';
import { zhCreatedPayload } from '../fixtures/zh-complaint';
import { NOTES, RESOLUTION_TEXTS } from '../fixtures/zh-vocabulary';

/**
 * What a person at a workstation does next to a complaint, chosen from what
 * their role may write and what their local copy shows, like the UI offers
 * it. Several clients acting on one complaint at once (offline, or just
 * racing) is the point: the fold must settle them the same way everywhere.
 */
export interface ChosenAction<T extends EventType = EventType> {
  type: T;
  payload: PayloadOf<T>;
}

type Builder = (p: ComplaintProjection, roll: number, ctx: ActionContext) => ChosenAction | null;

export interface ActionContext {
  actorId: string;
  userIds: readonly string[];
  nowIso: string;
  serial: string;
  /** Hub runs: where a transfer takes a complaint of each branch; absent, nobody transfers. */
  transferTargets?: Readonly<Record<string, string>>;
}

const action = <T extends EventType>(type: T, payload: PayloadOf<T>): ChosenAction => ({ type, payload }) as unknown as ChosenAction;

const BUILDERS: Partial<Record<EventType, Builder>> = {
  'note.added': (_p, roll) => action('note.added', { text: NOTES[Math.floor(roll * NOTES.length)] ?? NOTES[0] }),
  'soothing.recorded': (_p, roll) =>
    action('soothing.recorded', {
      steps: { calmed: true, understood: true, offeredSolution: roll > 0.5 },
      emotionBefore: 'angry',
      emotionAfter: roll > 0.7 ? 'calm' : 'dissatisfied',
      outcome: roll > 0.8 ? 'withdrawn' : 'not_accepted',
    }),
  'work_order.filed': () => action('work_order.filed', { subject: '投诉申告-服务质量-10086热线' }),
  'complaint.graded': (_p, roll) => action('complaint.graded', { grade: (1 + Math.floor(roll * 4)) as 1 | 2 | 3 | 4, reason: '复核定级' }),
  'complaint.classified': (_p, roll) => action('complaint.classified', { category: roll > 0.5 ? 'business_error' : 'attitude' }),
  'complaint.assigned': (_p, roll, ctx) => action('complaint.assigned', { assigneeId: ctx.userIds[Math.floor(roll * ctx.userIds.length)] ?? ctx.actorId }),
  'complaint.escalated': (p) =>
    p.escalationLevel >= 4 ? null : action('complaint.escalated', { fromLevel: p.escalationLevel, toLevel: (p.escalationLevel + 1) as 1, reason: 'request', note: '客户要求上级处理' }),
  'parties.notified': (_p, _roll, ctx) => action('parties.notified', { agentIds: [ctx.userIds[0] ?? ctx.actorId], leadIds: [ctx.userIds[1] ?? ctx.actorId] }),
  'callback.attempted': (_p, roll, ctx) => action('callback.attempted', { reached: roll > 0.3, serial: ctx.serial, ...(roll > 0.3 ? { customerAccepted: roll > 0.6 } : {}) }),
  'callback.mid_course_note': (_p, roll, ctx) =>
    action('callback.mid_course_note', { recordingSerial: ctx.serial, agentConduct: '解释不耐烦', complaintFounded: roll > 0.5, customerAccepted: roll > 0.4, callbackSerial: ctx.serial }),
  'officer.reviewed': (_p, roll) => action('officer.reviewed', { decision: roll > 0.5 ? 'revoked' : 'continue' }),
  'investigation.recorded': (_p, roll, ctx) =>
    action('investigation.recorded', { method: 'recording_review', finding: roll > 0.5 ? 'established' : 'not_established', evidenceRefs: [ctx.serial] }),
  'resolution.recorded': (_p, roll) =>
    action('resolution.recorded', { kinds: ['apology'], text: RESOLUTION_TEXTS[Math.floor(roll * RESOLUTION_TEXTS.length)] ?? '已致歉' }),
  'customer.notified': () => action('customer.notified', { channel: 'phone' }),
  // A resolved complaint closes once the result was told, or with the reason why not.
  'complaint.closed': (p) =>
    action('complaint.closed', p.status === 'resolved' && (p.resultNotifiedAt ?? null) === null ? { resultNotToldReason: '客户电话停机' } : {}),
  'complaint.reopened': () => action('complaint.reopened', { reason: '客户不认可处理结果' }),
  'withdrawal.reversed': () => action('withdrawal.reversed', { reason: '客户并未撤销投诉，误点了撤销投诉' }),
  'extension.granted': () => action('extension.granted', { days: 3, reasonToldCustomer: '需调取外部记录' }),
  'customer.urged': () => action('customer.urged', { channel: 'phone' }),
  'complaint.transferred': (p, _roll, ctx) => {
    const to = ctx.transferTargets?.[p.branchId];
    return to ? action('complaint.transferred', { toBranchId: to, reason: '属地受理' }) : null;
  },
};

/** A next action on an existing complaint that this role may write (the fold may still judge it out of turn). */
export function chooseAction(role: Role, projection: ComplaintProjection, roll: number, ctx: ActionContext): ChosenAction | null {
  const types = (Object.keys(BUILDERS) as EventType[]).filter((t) => canWrite(role, t) && (t !== 'complaint.transferred' || ctx.transferTargets));
  if (types.length === 0) return null;
  const scaled = roll * types.length;
  const type = types[Math.min(types.length - 1, Math.floor(scaled))] as EventType;
  return (BUILDERS[type] as Builder)(projection, scaled - Math.floor(scaled), ctx);
}

/** A new complaint's created payload, from a seed so the run stays reproducible. */
export function newComplaintPayload(seed: number, number: string, nowIso: string): PayloadOf<'complaint.created'> {
  return zhCreatedPayload(createRng(seed), { number, receivedAtIso: nowIso, incidentAtIso: nowIso });
}
