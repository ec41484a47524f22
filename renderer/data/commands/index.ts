import type {
  CallbackAttemptedPayload,
  CallbackMidCourseNotePayload,
  CallbackScheduledPayload,
  ComplaintClosedPayload,
  ComplaintCreatedPayload,
  ComplaintNotAcceptedPayload,
  CustomerNotifiedPayload,
  CustomerUrgedPayload,
  ExtensionGrantedPayload,
  InvestigationRecordedPayload,
  OfficerReviewedPayload,
  PartiesNotifiedPayload,
  RefundRequestedPayload,
  ResolutionRecordedPayload,
  SoothingRecordedPayload,
  SurveyRecordedPayload,
  WorkOrderFiledPayload,
} from '../../../shared/events/catalogue';
import type { Grade } from '../../../shared/events/fields';
import type { EscalationLevel } from '../../../shared/events/fields';
import { getActiveStore } from '../active-store';
import type { DataStore } from '../store';
import type { CommandResult } from '../types/command-result';
import { writeCommand } from './write';
import { createComplaintCommand, type CreateComplaintInput, type CreateComplaintResult } from './create';
import { escalateCommand, type EscalateInput } from './escalate';
import { callbackAttemptCommand } from './callback';
import { refundRequestCommand } from './refund';
import { dismissRejected as dismissRejectedCommand } from '../attention-dismissals';

export type { CreateComplaintInput, CreateComplaintResult, EscalateInput };

/** Commands bound to one store; the UI uses `commands` (the provider's store). */
export function bindCommands(getStore: () => DataStore | null) {
  const w = <R>(f: (store: DataStore) => Promise<R>, fallback: R): Promise<R> => {
    const store = getStore();
    return store ? f(store) : Promise.resolve(fallback);
  };
  const notSignedIn: CommandResult = { ok: false, error: 'not_signed_in' };
  return {
    /** Registers a complaint; the number exists at once, offline too. */
    createComplaint: (input: CreateComplaintInput): Promise<CreateComplaintResult> =>
      w((s) => createComplaintCommand(s, input), { ok: false, error: 'not_signed_in' }),
    recordSoothing: (complaintId: string, payload: SoothingRecordedPayload) =>
      w((s) => writeCommand(s, 'soothing.recorded', complaintId, payload), notSignedIn),
    fileWorkOrder: (complaintId: string, payload: WorkOrderFiledPayload) =>
      w((s) => writeCommand(s, 'work_order.filed', complaintId, payload), notSignedIn),
    markNotAccepted: (complaintId: string, payload: ComplaintNotAcceptedPayload) =>
      w((s) => writeCommand(s, 'complaint.not_accepted', complaintId, payload), notSignedIn),
    /** Up the ladder; toLevel defaults to the next rung. */
    escalate: (complaintId: string, input: EscalateInput) => w((s) => escalateCommand(s, complaintId, input), notSignedIn),
    transfer: (complaintId: string, toBranchId: string, note?: string) =>
      w(
        (s) => writeCommand(s, 'complaint.transferred', complaintId, note ? { toBranchId, reason: note } : { toBranchId }),
        notSignedIn,
      ),
    assign: (complaintId: string, assigneeId: string) =>
      w((s) => writeCommand(s, 'complaint.assigned', complaintId, { assigneeId }), notSignedIn),
    grade: (complaintId: string, grade: Grade, reason?: string) =>
      w((s) => writeCommand(s, 'complaint.graded', complaintId, reason ? { grade, reason } : { grade }), notSignedIn),
    classify: (complaintId: string, category: ComplaintCreatedPayload['category'], subCategory?: string) =>
      w(
        (s) =>
          writeCommand(s, 'complaint.classified', complaintId, subCategory ? { category, subCategory } : { category }),
        notSignedIn,
      ),
    addNote: (complaintId: string, text: string) => w((s) => writeCommand(s, 'note.added', complaintId, { text }), notSignedIn),
    notifyParties: (complaintId: string, payload: PartiesNotifiedPayload) =>
      w((s) => writeCommand(s, 'parties.notified', complaintId, payload), notSignedIn),
    scheduleCallback: (complaintId: string, payload: CallbackScheduledPayload) =>
      w((s) => writeCommand(s, 'callback.scheduled', complaintId, payload), notSignedIn),
    /** Refused while the policy's spacing since the last unreached attempt has not passed. */
    logCallbackAttempt: (complaintId: string, payload: CallbackAttemptedPayload) =>
      w((s) => callbackAttemptCommand(s, complaintId, payload), notSignedIn),
    addMidCourseNote: (complaintId: string, payload: CallbackMidCourseNotePayload) =>
      w((s) => writeCommand(s, 'callback.mid_course_note', complaintId, payload), notSignedIn),
    recordUrge: (complaintId: string, payload: CustomerUrgedPayload) =>
      w((s) => writeCommand(s, 'customer.urged', complaintId, payload), notSignedIn),
    officerReview: (complaintId: string, payload: OfficerReviewedPayload) =>
      w((s) => writeCommand(s, 'officer.reviewed', complaintId, payload), notSignedIn),
    recordInvestigation: (complaintId: string, payload: InvestigationRecordedPayload) =>
      w((s) => writeCommand(s, 'investigation.recorded', complaintId, payload), notSignedIn),
    recordResolution: (complaintId: string, payload: ResolutionRecordedPayload) =>
      w((s) => writeCommand(s, 'resolution.recorded', complaintId, payload), notSignedIn),
    /** withinAuthority is computed from the policy's refund authority when left out. */
    requestRefund: (complaintId: string, payload: Omit<RefundRequestedPayload, 'withinAuthority'> & { withinAuthority?: boolean }) =>
      w((s) => refundRequestCommand(s, complaintId, payload), notSignedIn),
    approveRefund: (complaintId: string, requestId: string, note?: string) =>
      w((s) => writeCommand(s, 'refund.approved', complaintId, note ? { requestId, note } : { requestId }), notSignedIn),
    denyRefund: (complaintId: string, requestId: string, reason: string) =>
      w((s) => writeCommand(s, 'refund.denied', complaintId, { requestId, reason }), notSignedIn),
    notifyCustomer: (complaintId: string, payload: CustomerNotifiedPayload) =>
      w((s) => writeCommand(s, 'customer.notified', complaintId, payload), notSignedIn),
    recordSurvey: (complaintId: string, payload: SurveyRecordedPayload) =>
      w((s) => writeCommand(s, 'survey.recorded', complaintId, payload), notSignedIn),
    close: (complaintId: string, payload: ComplaintClosedPayload = {}) =>
      w((s) => writeCommand(s, 'complaint.closed', complaintId, payload), notSignedIn),
    /** A refused change set aside with a reason (kept as a note on the complaint where possible). */
    dismissRejected: (eventId: string, reason: string, noteText: string) =>
      w((s) => dismissRejectedCommand(s, eventId, reason, noteText), notSignedIn),
    /** A withdrawal made in error taken back (team lead and above), with why. */
    reverseWithdrawal: (complaintId: string, reason: string) =>
      w((s) => writeCommand(s, 'withdrawal.reversed', complaintId, { reason }), notSignedIn),
    reopen: (complaintId: string, reason: string) =>
      w((s) => writeCommand(s, 'complaint.reopened', complaintId, { reason }), notSignedIn),
    grantExtension: (complaintId: string, payload: ExtensionGrantedPayload) =>
      w((s) => writeCommand(s, 'extension.granted', complaintId, payload), notSignedIn),
  };
}

export type Commands = ReturnType<typeof bindCommands>;

/** The commands of the store the DataProvider opened. */
export const commands: Commands = bindCommands(getActiveStore);

export const {
  createComplaint,
  recordSoothing,
  fileWorkOrder,
  markNotAccepted,
  escalate,
  transfer,
  assign,
  grade,
  classify,
  addNote,
  notifyParties,
  scheduleCallback,
  logCallbackAttempt,
  addMidCourseNote,
  recordUrge,
  officerReview,
  recordInvestigation,
  recordResolution,
  requestRefund,
  approveRefund,
  denyRefund,
  notifyCustomer,
  recordSurvey,
  close,
  reopen,
  grantExtension,
} = commands;

export type { EscalationLevel };
