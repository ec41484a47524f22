import type { EventType, PayloadOf } from '../events/catalogue';

/**
 * One valid payload per event type, for asking the fold whether an action is
 * legal now (available-actions.ts). Only the values the fold reads matter
 * (levels, steps, outcomes, flags); the text is a neutral stand-in, never
 * stored or shown. Tests use their own samples (test-support/).
 */
export const probePayloads: { [T in EventType]: PayloadOf<T> } = {
  'complaint.created': {
    number: 'GZ-20261123-0001',
    channel: 'phone',
    receivedAt: '2026-11-23T10:00:00.000+08:00',
    complainant: { name: '\u2026', phone: '13800138000', customerType: 'ordinary' },
    incident: { occurredAt: '2026-11-22T09:30:00.000+08:00', place: '\u2026' },
    respondent: { department: '\u2026', agentJobNumbers: ['A0000'] },
    category: 'attitude',
    description: '\u2026',
    demands: '\u2026',
    callSerial: 'SN-0000',
  },
  'complaint.not_accepted': { reason: '\u2026', failedConditions: ['reachable'] },
  'soothing.recorded': {
    steps: { calmed: true, understood: true, offeredSolution: false },
    emotionBefore: 'angry',
    emotionAfter: 'dissatisfied',
    outcome: 'not_accepted',
  },
  'note.added': { text: '\u2026' },
  'complaint.classified': { category: 'business_error', subCategory: 'wrong_answer' },
  'complaint.graded': { grade: 2, reason: '\u2026' },
  'complaint.assigned': { assigneeId: '\u2026probe' },
  'complaint.escalated': { fromLevel: 0, toLevel: 1, reason: 'request', note: '\u2026' },
  'complaint.transferred': { toBranchId: '\u2026other', reason: '\u2026' },
  'work_order.filed': { subject: '\u2026' },
  'parties.notified': { agentIds: ['\u2026probe'], leadIds: ['\u2026probe'] },
  'callback.scheduled': { at: '2026-11-24T15:00:00.000+08:00' },
  'callback.attempted': { reached: true, serial: 'SN-0000', customerAccepted: true },
  'callback.mid_course_note': {
    recordingSerial: 'SN-0000',
    agentConduct: '\u2026',
    complaintFounded: true,
    customerAccepted: true,
    callbackSerial: 'SN-0000',
  },
  'customer.urged': { channel: 'phone', serial: 'SN-0000' },
  'officer.reviewed': { decision: 'continue', recordingSerial: 'SN-0000' },
  'investigation.recorded': { method: 'recording_review', finding: 'established', evidenceRefs: ['SN-0000'] },
  'resolution.recorded': { kinds: ['apology'], text: '\u2026' },
  'refund.requested': { amount: 30, withinAuthority: true, reason: '\u2026' },
  'refund.approved': { requestId: '\u2026none' },
  'refund.denied': { requestId: '\u2026none', reason: '\u2026' },
  'customer.notified': { channel: 'phone' },
  'survey.recorded': { score: 4, scale: 5 },
  'complaint.closed': {},
  'complaint.reopened': { reason: '\u2026' },
  'extension.granted': { days: 3, reasonToldCustomer: '\u2026' },
  'complaint.redacted': { fields: ['complainant.phone'], reason: '\u2026' },
  'withdrawal.reversed': { reason: '\u2026' },
};
