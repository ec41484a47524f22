import type { ScreenPop } from '../../shared/platform/screen-pop';
import { emptyDraft, type IntakeDraft } from './intake-draft';

/** Whether the agent has started on this draft beyond what a call fills in. */
function inProgress(d: IntakeDraft): boolean {
  return d.saved === null && [d.customerName, d.description, d.demands, d.address, d.subCategory].some((x) => x.trim() !== '');
}

/**
 * A call arrives: intake for it, with the caller's number and the call's
 * serial filled in and the call's start as its receipt. A finished or empty
 * draft gives way to a fresh one; a draft the agent is still typing is never
 * thrown away: it only gains the number and serial where those are empty.
 */
export function draftForCall(current: IntakeDraft, pop: ScreenPop, nowIso: string): IntakeDraft {
  if (inProgress(current)) {
    return {
      ...current,
      phone: current.phone.trim() ? current.phone : pop.ani,
      callSerial: current.callSerial.trim() ? current.callSerial : (pop.serial ?? ''),
    };
  }
  return { ...emptyDraft(), channel: 'phone', phone: pop.ani, callSerial: pop.serial ?? '', startedAt: nowIso };
}
