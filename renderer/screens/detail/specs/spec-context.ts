import type { TFunction } from 'i18next';
import type { ComplaintProjection } from '../../../../shared/fold/projection';
import type { ActionId } from '../../../../shared/rules/available-actions';
import type { ActionSpec, FormValues } from '../../../components/ActionForm';
import type { Reference } from '../../../data/types/reference';
import type { SessionUser } from '../../../data/types/session';

export interface SpecContext {
  complaint: ComplaintProjection;
  user: SessionUser;
  reference: Reference;
  t: TFunction;
  language: string;
  now: string;
}

/** Builds one action's form for one complaint; the event type is added from the action. */
export type SpecBuilder = (id: ActionId, ctx: SpecContext) => ActionSpec;
export type SpecBuilders = Partial<Record<ActionId, SpecBuilder>>;

export const str = (v: FormValues[string] | undefined) => String(v ?? '').trim();
export const opt = <K extends string>(key: K, v: string) => (v ? { [key]: v } : {}) as Partial<Record<K, string>>;

/** The active users of the complaint's branch, the people an action can name. */
export const usersOfBranch = (ctx: SpecContext) =>
  ctx.reference.users.filter((u) => u.branchId === ctx.complaint.branchId && u.active !== false);

export const userLabel = (u: { displayName: string; jobNumber?: string }) => (u.jobNumber ? `${u.displayName} (${u.jobNumber})` : u.displayName);
