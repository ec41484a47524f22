import type { EventType, PayloadOf } from '../events/catalogue';

/**
 * One valid payload per event type, for tests and fixtures across the
 * project (server, client, benchmarks). Personal data here is invented.
 */
export const samplePayloads: { [T in EventType]: PayloadOf<T> } = {
  'complaint.created': {
    number: 'GZ-20261123-0001',
    channel: 'phone',
    receivedAt: '2026-11-23T10:00:00.000+08:00',
    complainant: { name: '张三', phone: '13800138000', customerType: 'ordinary' },
    incident: { occurredAt: '2026-11-22T09:30:00.000+08:00', place: '营业厅' },
    respondent: { department: '客服中心', agentJobNumbers: ['A1024'] },
    category: 'attitude',
    description: '话务员态度冷淡，催促挂机。',
    demands: '道歉',
    callSerial: 'SN-0001',
  },
  'complaint.not_accepted': { reason: '无法联系投诉人', failedConditions: ['reachable'] },
  'soothing.recorded': {
    steps: { calmed: true, understood: true, offeredSolution: false },
    emotionBefore: 'angry',
    emotionAfter: 'dissatisfied',
    outcome: 'not_accepted',
  },
  'note.added': { text: '客户要求下午回电' },
  'complaint.classified': { category: 'business_error', subCategory: 'wrong_answer' },
  'complaint.graded': { grade: 2, reason: '涉及多次差错' },
  'complaint.assigned': { assigneeId: 'user-officer-gz' },
  'complaint.escalated': { fromLevel: 0, toLevel: 1, reason: 'request', note: '客户要求班长处理' },
  'complaint.transferred': { toBranchId: 'dg', reason: '被投诉人属东莞分支' },
  'work_order.filed': { subject: '投诉申告-服务质量-10086热线' },
  'parties.notified': { agentIds: ['user-agent-gz'], leadIds: ['user-lead-gz'] },
  'callback.scheduled': { at: '2026-11-24T15:00:00.000+08:00' },
  'callback.attempted': { reached: true, serial: 'SN-0002', customerAccepted: true },
  'callback.mid_course_note': {
    recordingSerial: 'SN-0001',
    agentConduct: '解释不耐烦',
    complaintFounded: true,
    customerAccepted: true,
    callbackSerial: 'SN-0002',
  },
  'customer.urged': { channel: 'phone', serial: 'SN-0003' },
  'officer.reviewed': { decision: 'continue', recordingSerial: 'SN-0002' },
  'investigation.recorded': {
    method: 'recording_review',
    finding: 'established',
    evidenceRefs: ['SN-0001'],
  },
  'resolution.recorded': { kinds: ['apology'], text: '已致歉并纠正办理错误' },
  'refund.requested': { amount: 30, withinAuthority: true, reason: '误扣费用' },
  'refund.approved': { requestId: 'evt-refund-1' },
  'refund.denied': { requestId: 'evt-refund-1', reason: '超出权限且无依据' },
  'customer.notified': { channel: 'phone' },
  'survey.recorded': { score: 4, scale: 5 },
  'complaint.closed': {},
  'complaint.reopened': { reason: '客户不认可处理结果' },
  'extension.granted': { days: 3, reasonToldCustomer: '需调取外部记录' },
  'complaint.redacted': { fields: ['complainant.phone'], reason: '保存期满' },
  'withdrawal.reversed': { reason: '客户并未撤销投诉，误点了撤销投诉' },
};
