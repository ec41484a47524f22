import { makeEvent } from '../events/make-event';
import type { EventEnvelope } from '../events/envelope';
import type { EventType, PayloadOf } from '../events/catalogue';
import { samplePayloads } from './sample-payloads';
import { formatHlc } from '../hlc/hlc';
import type { Directory } from '../reports/types';
import { DEMO_BRANCHES, DEMO_TEAMS, DEMO_USERS, demoUserId } from '../demo/organisation';

/**
 * A fixed data set for the report tests, shaped like the demo organisation
 * (same user ids, teams and job numbers) so the server test can push it as
 * the real demo users. Every figure the tests expect is worked out by hand
 * from the stories below; times are Asia/Shanghai.
 */

/** The demo organisation as the reports see it; the stories below use its people. */
export const FIXTURE_DIRECTORY: Directory = {
  users: DEMO_USERS.map(({ username, ...u }) => ({ id: demoUserId(username), ...u })),
  teams: DEMO_TEAMS.map(({ leadUsername, ...t }) => ({ ...t, leadId: leadUsername ? demoUserId(leadUsername) : null })),
  branches: DEMO_BRANCHES.map(({ id, name }) => ({ id, name })),
};

const AGENT = 'user-agent.gz';
const AGENT2 = 'user-agent2.gz';
const LEAD = 'user-lead.gz';
const OFFICER = 'user-officer.gz';
const SUPERVISOR = 'user-supervisor.gz';
const AGENT_DG = 'user-agent.dg';

type Step = { [T in EventType]: [T, string, string, Partial<PayloadOf<T>>?] }[EventType];

interface Story {
  id: string;
  branchId: string;
  steps: Step[];
}

/** '2026-11-02 09:00' (Shanghai) → ISO with offset. */
const at = (local: string) => `${local.replace(' ', 'T')}:00.000+08:00`;

function created(
  n: string,
  local: string,
  o: {
    category: PayloadOf<'complaint.created'>['category'];
    phone: string;
    jobs?: string[];
    grade?: 1 | 2 | 3 | 4;
    channel?: PayloadOf<'complaint.created'>['channel'];
    customerType?: 'ordinary' | 'vip' | 'professional';
  },
): Partial<PayloadOf<'complaint.created'>> {
  return {
    number: n,
    channel: o.channel ?? 'web',
    receivedAt: at(local),
    complainant: { name: '测试客户', phone: o.phone, customerType: o.customerType ?? 'ordinary' },
    incident: {},
    respondent: o.jobs ? { agentJobNumbers: o.jobs } : { department: '客服中心' },
    category: o.category,
    grade: o.grade ?? 1,
    description: '固定数据集中的投诉。',
    demands: '处理',
    callSerial: `SN-${n}`,
  };
}

/** A service-quality complaint about agent 1001 withdrawn after the lead's same-day callback. */
function withdrawnAfterCallback(id: string, day: string, caller = LEAD, noteCaller = LEAD): Story {
  return {
    id,
    branchId: 'gz',
    steps: [
      ['complaint.created', AGENT2, `${day} 09:00`, created(id.toUpperCase(), `${day} 09:00`, { category: 'attitude', phone: `1370000${id.startsWith('x') ? '9' : '0'}${id.replace(/\D/g, '').padStart(3, '0')}`, jobs: ['1001'], channel: 'phone' })],
      ['work_order.filed', AGENT2, `${day} 10:00`, {}],
      ['parties.notified', OFFICER, `${day} 11:00`, { agentIds: [AGENT], leadIds: [LEAD] }],
      ['callback.attempted', caller, `${day} 14:00`, { reached: true, serial: `CB-${id}`, customerAccepted: true }],
      ['callback.mid_course_note', noteCaller, `${day} 14:30`, { callbackSerial: `CB-${id}`, recordingSerial: `SN-${id}`, complaintFounded: true, customerAccepted: true }],
      ['officer.reviewed', OFFICER, `${day} 16:00`, { decision: 'revoked', recordingSerial: `CB-${id}` }],
    ],
  };
}

export const FIXTURE_STORIES: Story[] = [
  // October: handled across the National Day holiday (1–7 Oct off, Sat 10 Oct a make-up day).
  {
    id: 'n1', branchId: 'gz', steps: [
      ['complaint.created', AGENT, '2026-09-30 10:00', created('N1', '2026-09-30 10:00', { category: 'product_quality', phone: '13900000001' })],
      ['work_order.filed', AGENT, '2026-09-30 10:30', {}],
      ['resolution.recorded', AGENT, '2026-10-15 16:00', { kinds: ['correction'] }],
      ['survey.recorded', AGENT, '2026-10-16 10:00', { score: 4, scale: 5 }],
    ],
  },
  {
    id: 'n2', branchId: 'gz', steps: [
      ['complaint.created', AGENT, '2026-09-30 10:00', created('N2', '2026-09-30 10:00', { category: 'price', phone: '13900000002' })],
      ['work_order.filed', AGENT, '2026-09-30 10:30', {}],
      ['resolution.recorded', AGENT, '2026-10-16 09:00', { kinds: ['refund'] }],
      ['survey.recorded', AGENT, '2026-10-17 10:00', { score: 9, scale: 10 }],
    ],
  },
  {
    id: 'n3', branchId: 'gz', steps: [
      ['complaint.created', AGENT, '2026-09-30 11:00', created('N3', '2026-09-30 11:00', { category: 'product_quality', phone: '13900000003' })],
      ['work_order.filed', AGENT, '2026-09-30 11:30', {}],
      ['resolution.recorded', AGENT, '2026-10-09 15:00', { kinds: ['apology'] }],
    ],
  },
  {
    id: 'n4', branchId: 'gz', steps: [
      ['complaint.created', AGENT2, '2026-09-30 10:00', created('N4', '2026-09-30 10:00', { category: 'delivery_delay', phone: '13900000004' })],
      ['work_order.filed', AGENT2, '2026-09-30 10:30', {}],
      ['extension.granted', OFFICER, '2026-10-12 10:00', { days: 2, reasonToldCustomer: '需调取物流记录' }],
      ['resolution.recorded', AGENT2, '2026-10-19 10:00', { kinds: ['compensation'] }],
    ],
  },

  // November, team gz-t1: nine rule-following withdrawals (the ninth over the limit of eight)...
  withdrawnAfterCallback('s01', '2026-11-02'),
  withdrawnAfterCallback('s02', '2026-11-03'),
  withdrawnAfterCallback('s03', '2026-11-04'),
  withdrawnAfterCallback('s04', '2026-11-05'),
  withdrawnAfterCallback('s05', '2026-11-06'),
  withdrawnAfterCallback('s06', '2026-11-09'),
  withdrawnAfterCallback('s07', '2026-11-10'),
  withdrawnAfterCallback('s08', '2026-11-11'),
  // ...a withdrawal whose callback the supervisor made (not a lead): assessed, and it uses no exemption slot...
  withdrawnAfterCallback('x01', '2026-11-12', SUPERVISOR, SUPERVISOR),
  {
    // ...one called back after its deadline (notified Fri 13th, due Sat 14th 17:00, noted Tue 17th)...
    id: 'x02', branchId: 'gz', steps: [
      ['complaint.created', AGENT2, '2026-11-13 09:00', created('X02', '2026-11-13 09:00', { category: 'attitude', phone: '13700000902', jobs: ['1001'], channel: 'phone' })],
      ['work_order.filed', AGENT2, '2026-11-13 10:00', {}],
      ['parties.notified', OFFICER, '2026-11-13 11:00', { agentIds: [AGENT], leadIds: [LEAD] }],
      ['callback.attempted', LEAD, '2026-11-17 10:00', { reached: true, serial: 'CB-x02', customerAccepted: true }],
      ['callback.mid_course_note', LEAD, '2026-11-17 10:30', { callbackSerial: 'CB-x02', recordingSerial: 'SN-x02', complaintFounded: true, customerAccepted: true }],
      ['officer.reviewed', OFFICER, '2026-11-17 11:00', { decision: 'revoked' }],
    ],
  },
  withdrawnAfterCallback('s09', '2026-11-16'),
  {
    // ...one whose note claims an acceptance the call did not get (a false note)...
    id: 'x03', branchId: 'gz', steps: [
      ['complaint.created', AGENT2, '2026-11-17 09:00', created('X03', '2026-11-17 09:00', { category: 'business_error', phone: '13700000903', jobs: ['1001'], channel: 'phone' })],
      ['work_order.filed', AGENT2, '2026-11-17 10:00', {}],
      ['parties.notified', OFFICER, '2026-11-17 11:00', { agentIds: [AGENT], leadIds: [LEAD] }],
      ['callback.attempted', LEAD, '2026-11-17 14:00', { reached: true, serial: 'CB-x03', customerAccepted: false }],
      ['callback.mid_course_note', LEAD, '2026-11-17 14:30', { callbackSerial: 'CB-x03', recordingSerial: 'SN-x03', complaintFounded: true, customerAccepted: true }],
      ['officer.reviewed', OFFICER, '2026-11-17 16:00', { decision: 'revoked' }],
    ],
  },
  {
    // ...one the customer did not accept: normal flow, established, resolved on time.
    id: 'c01', branchId: 'gz', steps: [
      ['complaint.created', AGENT, '2026-11-18 09:00', created('C01', '2026-11-18 09:00', { category: 'attitude', phone: '13700000801', jobs: ['1002'], channel: 'phone' })],
      ['work_order.filed', AGENT, '2026-11-18 09:30', {}],
      ['parties.notified', OFFICER, '2026-11-18 10:00', { agentIds: [AGENT2], leadIds: [LEAD] }],
      ['callback.attempted', LEAD, '2026-11-18 14:00', { reached: true, serial: 'CB-c01', customerAccepted: false }],
      ['callback.mid_course_note', LEAD, '2026-11-18 14:30', { callbackSerial: 'CB-c01', recordingSerial: 'SN-c01', complaintFounded: true, customerAccepted: false }],
      ['officer.reviewed', OFFICER, '2026-11-18 16:00', { decision: 'continue' }],
      ['investigation.recorded', OFFICER, '2026-11-19 10:00', { method: 'recording_review', finding: 'established', evidenceRefs: ['SN-c01'] }],
      ['resolution.recorded', OFFICER, '2026-11-20 10:00', { kinds: ['apology'] }],
    ],
  },
  {
    // A VIP's complaint: no 二解, the officer's normal flow; partially established, still open.
    id: 'v01', branchId: 'gz', steps: [
      ['complaint.created', AGENT, '2026-11-19 09:00', created('V01', '2026-11-19 09:00', { category: 'process', phone: '13700000701', jobs: ['1002'], channel: 'phone', customerType: 'vip' })],
      ['work_order.filed', AGENT, '2026-11-19 09:30', {}],
      ['parties.notified', OFFICER, '2026-11-19 10:00', { agentIds: [AGENT2], leadIds: [LEAD] }],
      ['investigation.recorded', OFFICER, '2026-11-20 10:00', { method: 'recording_review', finding: 'partially', evidenceRefs: ['SN-v01'] }],
    ],
  },
  {
    // Waiting for the lead's callback: not decided yet.
    id: 'p01', branchId: 'gz', steps: [
      ['complaint.created', AGENT2, '2026-11-20 09:00', created('P01', '2026-11-20 09:00', { category: 'attitude', phone: '13700000601', jobs: ['1001'], channel: 'phone' })],
      ['work_order.filed', AGENT2, '2026-11-20 09:30', {}],
      ['parties.notified', OFFICER, '2026-11-20 11:00', { agentIds: [AGENT], leadIds: [LEAD] }],
    ],
  },

  // November, not about an agent's service.
  {
    // Same phone and category as N3, but 33 days later: outside the 30-day repeat window.
    id: 'r01', branchId: 'gz', steps: [
      ['complaint.created', AGENT, '2026-11-02 10:00', created('R01', '2026-11-02 10:00', { category: 'product_quality', phone: '13900000003' })],
      ['work_order.filed', AGENT, '2026-11-02 10:30', {}],
      ['investigation.recorded', OFFICER, '2026-11-03 10:00', { method: 'document_review', finding: 'not_established', evidenceRefs: [] }],
      ['resolution.recorded', AGENT, '2026-11-03 15:00', { kinds: ['correction'] }],
      ['survey.recorded', AGENT, '2026-11-04 10:00', { score: 5, scale: 5 }],
    ],
  },
  {
    // A repeat of R01 (3 days later), urgent (2 working days), resolved late.
    id: 'r02', branchId: 'gz', steps: [
      ['complaint.created', AGENT, '2026-11-05 10:00', created('R02', '2026-11-05 10:00', { category: 'product_quality', phone: '139 0000 0003', grade: 3 })],
      ['work_order.filed', AGENT, '2026-11-05 10:30', {}],
      ['resolution.recorded', AGENT, '2026-11-10 09:00', { kinds: ['compensation'] }],
      ['survey.recorded', AGENT, '2026-11-11 10:00', { score: 3, scale: 5 }],
    ],
  },
  {
    // Withdrawn on the call after soothing: received, never handled.
    id: 'w01', branchId: 'gz', steps: [
      ['complaint.created', AGENT2, '2026-11-09 10:00', created('W01', '2026-11-09 10:00', { category: 'price', phone: '13600000001', channel: 'phone' })],
      ['soothing.recorded', AGENT2, '2026-11-09 10:05', { steps: { calmed: true, understood: true, offeredSolution: true }, emotionBefore: 'angry', emotionAfter: 'calm', outcome: 'withdrawn' }],
    ],
  },
  {
    id: 'na1', branchId: 'gz', steps: [
      ['complaint.created', AGENT, '2026-11-10 10:00', created('NA1', '2026-11-10 10:00', { category: 'other', phone: '13600000002' })],
      ['complaint.not_accepted', AGENT, '2026-11-10 10:10', { reason: '无法联系投诉人', failedConditions: ['reachable'] }],
    ],
  },
  {
    // Registered in gz, transferred to dg: out of gz's reports, in the director's.
    id: 't01', branchId: 'gz', steps: [
      ['complaint.created', AGENT, '2026-11-11 10:00', created('T01', '2026-11-11 10:00', { category: 'delivery_delay', phone: '13600000003' })],
      ['complaint.transferred', OFFICER, '2026-11-11 11:00', { toBranchId: 'dg', reason: '属东莞辖区' }],
    ],
  },
  {
    id: 'd01', branchId: 'dg', steps: [
      ['complaint.created', AGENT_DG, '2026-11-12 10:00', created('D01', '2026-11-12 10:00', { category: 'attitude', phone: '13500000001', jobs: ['2001'], channel: 'phone' })],
      ['work_order.filed', AGENT_DG, '2026-11-12 10:30', {}],
    ],
  },
];

/** The events of every story; each complaint's branch follows its transfers. */
export function fixtureEvents(): EventEnvelope[] {
  const out: EventEnvelope[] = [];
  for (const story of FIXTURE_STORIES) {
    let branchId = story.branchId;
    story.steps.forEach(([type, actorId, local, payload], i) => {
      const wallMs = Date.parse(at(local));
      const base = samplePayloads[type] as object;
      const merged = { ...base, ...(payload ?? {}) } as PayloadOf<typeof type>;
      out.push(
        makeEvent({
          id: `rpt-${story.id}-${String(i).padStart(2, '0')}`,
          type,
          complaintId: `rpt-${story.id}`,
          actorId,
          branchId,
          payload: merged,
          hlc: formatHlc({ wallMs, counter: 0, node: '00000000000000a1' }),
          occurredAt: new Date(wallMs).toISOString(),
        }),
      );
      if (type === 'complaint.transferred') branchId = (payload as { toBranchId: string }).toBranchId;
    });
  }
  return out;
}
