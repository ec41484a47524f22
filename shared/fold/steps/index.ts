import type { EventType } from '../../events/catalogue';
import type { Step } from './verdict';
import { complaintCreated, complaintNotAccepted, noteAdded, soothingRecorded, withdrawalReversed } from './intake';
import {
  complaintAssigned,
  complaintClassified,
  complaintEscalated,
  complaintGraded,
  complaintTransferred,
  extensionGranted,
  partiesNotified,
  workOrderFiled,
} from './handling';
import { callbackAttempted, callbackMidCourseNote, callbackScheduled, customerUrged, officerReviewed } from './callback';
import {
  complaintClosed,
  complaintRedacted,
  complaintReopened,
  customerNotified,
  investigationRecorded,
  refundApproved,
  refundDenied,
  refundRequested,
  resolutionRecorded,
  surveyRecorded,
} from './outcome';

/** The state machine: one step per event type. */
export const STEPS: { [T in EventType]: Step<T> } = {
  'complaint.created': complaintCreated,
  'complaint.not_accepted': complaintNotAccepted,
  'soothing.recorded': soothingRecorded,
  'note.added': noteAdded,
  'complaint.classified': complaintClassified,
  'complaint.graded': complaintGraded,
  'complaint.assigned': complaintAssigned,
  'complaint.escalated': complaintEscalated,
  'complaint.transferred': complaintTransferred,
  'work_order.filed': workOrderFiled,
  'parties.notified': partiesNotified,
  'callback.scheduled': callbackScheduled,
  'callback.attempted': callbackAttempted,
  'callback.mid_course_note': callbackMidCourseNote,
  'customer.urged': customerUrged,
  'officer.reviewed': officerReviewed,
  'investigation.recorded': investigationRecorded,
  'resolution.recorded': resolutionRecorded,
  'refund.requested': refundRequested,
  'refund.approved': refundApproved,
  'refund.denied': refundDenied,
  'customer.notified': customerNotified,
  'survey.recorded': surveyRecorded,
  'complaint.closed': complaintClosed,
  'complaint.reopened': complaintReopened,
  'extension.granted': extensionGranted,
  'complaint.redacted': complaintRedacted,
  'withdrawal.reversed': withdrawalReversed,
};
