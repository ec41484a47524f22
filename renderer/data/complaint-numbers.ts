import { makeComplaintNumber, workstationCode, type NumberCounterState } from '../../shared/numbers/complaint-number';
import type { WorkCalendar } from '../../shared/calendar/calendar';
import type { LocalMeta } from './local-meta';
import { registeredCode } from './workstation-code';

/** The code derived from the workstation id, kept once used: only for a workstation the server never registered. */
const FALLBACK_CODE_KEY = 'numbers.workstationCode';
const COUNTER_KEY = 'numbers.counter';

let chain: Promise<unknown> = Promise.resolve();

/**
 * The workstation code numbers use in the branch: the one the server gave on
 * the first online sign-in (unique in the branch). Only a workstation that
 * never reached the server falls back to the code derived from its id, which
 * two workstations of one branch can share.
 */
export async function numberingCode(meta: LocalMeta, workstationId: string, branchId: string): Promise<{ code: string; registered: boolean }> {
  const registered = await registeredCode(meta, branchId);
  if (registered) return { code: registered, registered: true };
  let code = await meta.get<string>(FALLBACK_CODE_KEY);
  if (!code) {
    code = workstationCode(workstationId);
    await meta.set(FALLBACK_CODE_KEY, code);
  }
  return { code, registered: false };
}

/**
 * The next complaint number of this workstation. The counter state is saved
 * before the number is returned, so a crash can skip a number but never
 * repeat one; calls are serialised so two quick saves get two numbers.
 */
export function nextComplaintNumber(
  meta: LocalMeta,
  workstationId: string,
  branchId: string,
  atMs: number,
  calendar: Pick<WorkCalendar, 'timeZone'>,
): Promise<string> {
  const run = chain.then(async () => {
    const { code } = await numberingCode(meta, workstationId, branchId);
    const previous = await meta.get<NumberCounterState>(COUNTER_KEY);
    const { number, state } = makeComplaintNumber({ branchId, workstationCode: code, at: atMs, previous }, calendar);
    await meta.set(COUNTER_KEY, state);
    return number;
  });
  chain = run.catch(() => undefined);
  return run;
}
