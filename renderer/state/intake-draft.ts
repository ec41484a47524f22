import type { Category, Channel, CustomerTitle, CustomerType, Emotion, Grade } from '../../shared/events/fields';

export type Scenario = 'A' | 'B' | 'C';

/** What the agent has typed so far; strings as typed, so nothing is lost to parsing. */
export interface IntakeDraft {
  customerName: string;
  phone: string;
  address: string;
  channel: Channel | '';
  customerType: CustomerType | '';
  /** 先生 or 女士, so the lead's callback addresses the customer properly; '' when not known. */
  customerTitle?: CustomerTitle | '';
  category: Category | '';
  subCategory: string;
  description: string;
  demands: string;
  respondentDepartment: string;
  respondentAgents: string;
  incidentAt: string;
  incidentPlace: string;
  /** Serial of the call being taken (phone only). */
  callSerial: string;
  /** Serial of the complained-about call, whose recording is reviewed (经听(流水号)录音). */
  complainedSerial: string;
  /** When the centre received it (datetime-local in the centre's zone); '' = the call's start, else now. */
  receivedAt: string;
  /** When the agent started this draft (ISO): the call's start for a phone call. */
  startedAt: string | null;
  /** The grade the agent chose; '' follows the suggestion. */
  grade: Grade | '';
  soothing: {
    calmed: boolean;
    understood: boolean;
    offeredSolution: boolean;
    emotionBefore: Emotion;
    emotionAfter: Emotion;
    scenario: Scenario;
    scriptId: string | null;
    withdrawalReason: string;
  };
  /** Set once saved: the complaint the soothing outcome belongs to. */
  saved: { complaintId: string; number: string } | null;
  /** Set once the soothing outcome is recorded: the call is done. */
  outcome: 'filed' | 'withdrawn' | 'not_accepted' | null;
}

export function emptyDraft(): IntakeDraft {
  return {
    customerName: '',
    phone: '',
    address: '',
    channel: 'phone',
    customerType: 'ordinary',
    customerTitle: '',
    category: '',
    subCategory: '',
    description: '',
    demands: '',
    respondentDepartment: '',
    respondentAgents: '',
    incidentAt: '',
    incidentPlace: '',
    callSerial: '',
    complainedSerial: '',
    receivedAt: '',
    startedAt: null,
    grade: '',
    soothing: {
      calmed: false,
      understood: false,
      offeredSolution: false,
      emotionBefore: 'dissatisfied',
      emotionAfter: 'dissatisfied',
      scenario: 'A',
      scriptId: null,
      withdrawalReason: '',
    },
    saved: null,
    outcome: null,
  };
}

/** True when the agent has typed anything worth restoring after a crash. */
export function draftHasContent(d: IntakeDraft): boolean {
  const blank = emptyDraft();
  return (
    d.saved !== null ||
    (['customerName', 'phone', 'address', 'description', 'demands', 'respondentDepartment', 'respondentAgents',
      'incidentPlace', 'callSerial', 'complainedSerial', 'receivedAt'] as const).some((k) => d[k].trim() !== blank[k]) ||
    d.category !== '' ||
    d.soothing.calmed ||
    d.soothing.understood ||
    d.soothing.offeredSolution
  );
}
