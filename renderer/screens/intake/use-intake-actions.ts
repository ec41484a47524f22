import { useCallback, useMemo } from 'react';
import { computeDeadlines } from '../../../shared/deadlines/deadlines';
import type { Grade } from '../../../shared/events/fields';
import { gradeSuggestion, type GradeSuggestion } from '../../../shared/rules/grade-suggestion';
import { commands } from '../../data/commands';
import type { CommandResult } from '../../data/types/command-result';
import type { SessionUser } from '../../data/types/session';
import { useReference } from '../../hooks/use-reference';
import { useRepeatCheck } from '../../hooks/use-repeat-check';
import { workOrderSubject } from '../../../shared/rules/work-order-subject';
import { emptyDraft, type IntakeDraft } from '../../state/intake-draft';
import { useDraftStore } from '../../state/intake-draft-store';
import { useIntakeStatus } from '../../state/intake-status-store';
import { draftToPayload, failedAcceptance, receivedAtOf, validateIntake, type IntakeField } from './intake-validation';

/** The field ids, so a failed save can put the cursor on the first thing to fix. */
export const fieldId = (field: IntakeField) => `intake-${field}`;

const FIELD_ORDER: IntakeField[] = [
  'customerName', 'phone', 'customerType', 'address', 'category', 'subCategory', 'description',
  'incidentAt', 'incidentPlace', 'respondentDepartment', 'respondentAgents', 'demands', 'channel', 'receivedAt', 'callSerial',
  'complainedSerial',
];

function errorText(error: { error?: string; message?: string }): string {
  return error.message ?? error.error ?? 'unknown';
}

/**
 * Everything the intake form and the soothing panel do with the draft:
 * validate, register, record the soothing outcome, file or withdraw.
 * Data goes only through the data layer's commands.
 */
export function useIntakeActions(user: SessionUser) {
  const reference = useReference();
  const draft = useDraftStore((s) => s.drafts[user.id]) ?? emptyDraft();
  const updateDraft = useDraftStore((s) => s.update);
  const clearDraft = useDraftStore((s) => s.clear);
  const status = useIntakeStatus();
  const found = useRepeatCheck(draft.phone.trim(), draft.category || null);
  // Once saved, the complaint itself is in the local store: it is not its own repeat.
  const savedId = draft.saved?.complaintId;
  // A cleared form must not keep the last warning (the live query keeps its last value).
  const asked = draft.phone.trim() !== '' && draft.category !== '';
  const priors = useMemo(() => (asked ? found.filter((p) => p.id !== savedId) : []), [asked, found, savedId]);

  const update = useCallback(
    // The first keystroke marks the call's start: a phone complaint's receipt time by default.
    (change: Partial<IntakeDraft>) =>
      updateDraft(user.id, (d) => ({ ...d, ...change, startedAt: d.startedAt ?? new Date().toISOString() })),
    [updateDraft, user.id],
  );

  const suggestion: GradeSuggestion = useMemo(
    () =>
      gradeSuggestion(
        {
          description: draft.description,
          demands: draft.demands,
          customerType: draft.customerType || 'ordinary',
          isRepeat: priors.length > 0,
        },
        reference.policy,
      ),
    [draft.description, draft.demands, draft.customerType, priors.length, reference.policy],
  );
  const grade: Grade = draft.grade || suggestion.grade;

  const handlingDeadline = (receivedAt: string): string | undefined => {
    try {
      return computeDeadlines({ receivedAt, grade }, reference.policy, reference.calendar).handling;
    } catch {
      return undefined;
    }
  };

  /** Registers the complaint once; later calls return the saved one. */
  const save = async (): Promise<{ complaintId: string; number: string } | null> => {
    const current = useDraftStore.getState().drafts[user.id] ?? emptyDraft();
    if (current.saved) return current.saved;
    const nowIso = new Date().toISOString();
    const tz = reference.policy.timeZone;
    const errors = validateIntake(current, { timeZone: tz, nowIso });
    const invalid = FIELD_ORDER.filter((f) => errors[f]);
    if (invalid.length > 0) {
      status.set({ showErrors: true, message: { tone: 'error', key: 'intake.errors.summary', values: { count: invalid.length } } });
      document.getElementById(fieldId(invalid[0]!))?.focus();
      return null;
    }
    status.set({ busy: true, showErrors: false, message: null });
    try {
      const payload = draftToPayload(current, grade, receivedAtOf(current, tz, nowIso) ?? nowIso, tz);
      const result = await commands.createComplaint(payload);
      if (!result.ok) {
        status.set({ message: { tone: 'error', key: 'intake.errors.saveFailed', values: { message: errorText(result) } } });
        return null;
      }
      const saved = { complaintId: result.complaintId, number: result.number };
      updateDraft(user.id, (d) => ({ ...d, saved }));
      status.set({ message: null });
      return saved;
    } catch (err) {
      status.set({ message: { tone: 'error', key: 'intake.errors.saveFailed', values: { message: String(err) } } });
      return null;
    } finally {
      status.set({ busy: false });
    }
  };

  const soothingPayload = (d: IntakeDraft) => ({
    steps: { calmed: d.soothing.calmed, understood: d.soothing.understood, offeredSolution: d.soothing.offeredSolution },
    emotionBefore: d.soothing.emotionBefore,
    emotionAfter: d.soothing.emotionAfter,
    ...(d.soothing.scriptId ? { scriptId: d.soothing.scriptId } : {}),
  });

  const fail = (error: { error?: string; message?: string }) =>
    status.set({ busy: false, message: { tone: 'error', key: 'detail.failed', values: { message: errorText(error) } } });

  /**
   * How each soothing outcome ends the call: the complaint saved first, then
   * `write` with the draft as saved; its refusal shown, or the outcome kept
   * and said.
   */
  const endCall = async (outcome: NonNullable<IntakeDraft['outcome']>, done: string, write: (complaintId: string, d: IntakeDraft) => Promise<CommandResult>) => {
    const saved = await save();
    if (!saved) return;
    const d = useDraftStore.getState().drafts[user.id] ?? emptyDraft();
    status.set({ busy: true });
    const r = await write(saved.complaintId, d);
    if (!r.ok) return fail(r);
    update({ outcome });
    status.set({ busy: false, message: { tone: 'ok', key: done } });
  };

  const withdraw = (reason: string) =>
    endCall('withdrawn', 'soothing.withdrawn', (complaintId, d) =>
      commands.recordSoothing(complaintId, {
        ...soothingPayload(d),
        outcome: 'withdrawn',
        withdrawalReason: reason.trim(),
        // The complained-about call's serial, not the serial of this call.
        ...(d.complainedSerial.trim() ? { complainedSerial: d.complainedSerial.trim() } : {}),
      }),
    );

  const file = (withoutSoothingConfirmed: boolean) =>
    endCall('filed', 'soothing.filed', async (complaintId, d) => {
      const soothed = await commands.recordSoothing(complaintId, {
        ...soothingPayload(d),
        outcome: 'not_accepted',
        ...(withoutSoothingConfirmed ? { withoutSoothingConfirmed: true } : {}),
      });
      if (!soothed.ok) return soothed;
      return commands.fileWorkOrder(complaintId, { subject: workOrderSubject(d.category || null, reference.policy) });
    });

  const notAccept = (reason: string) =>
    endCall('not_accepted', 'intake.notAcceptedDone', (complaintId, d) => {
      const failed = failedAcceptance(d);
      return commands.markNotAccepted(complaintId, {
        reason: reason.trim(),
        ...(failed.length ? { failedConditions: failed } : {}),
      });
    });

  const startOver = () => {
    clearDraft(user.id);
    status.set({ busy: false, showErrors: false, message: null });
  };

  return { draft, update, suggestion, grade, priors, handlingDeadline, save, withdraw, file, notAccept, startOver, reference };
}
