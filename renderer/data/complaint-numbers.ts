import { makeComplaintNumber, workstationCode, type NumberCounterState } from '../../shared/numbers/complaint-number';
import type { WorkCalendar } from '../../shared/calendar/calendar';
import type { LocalMeta } from './local-meta';

const CODE_KEY = 'numbers.workstationCode';
const COUNTER_KEY = 'numbers.counter';

let chain: Promise<unknown> = Promise.resolve();

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
    let code = await meta.get<string>(CODE_KEY);
    if (!code) {
      code = workstationCode(workstationId);
      await meta.set(CODE_KEY, code);
    }
    const previous = await meta.get<NumberCounterState>(COUNTER_KEY);
    const { number, state } = makeComplaintNumber({ branchId, workstationCode: code, at: atMs, previous }, calendar);
    await meta.set(COUNTER_KEY, state);
    return number;
  });
  chain = run.catch(() => undefined);
  return run;
}
