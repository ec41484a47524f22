import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import { fold } from '../../../shared/fold/fold';
import { defaultFoldContext, eventFactory } from '../../../shared/test-support/fold-fixtures';
import { defaultPolicy } from '../../../shared/policy/policy';
import { defaultCalendar } from '../../../shared/calendar/calendar';
import type { ComplaintProjection } from '../../../shared/fold/projection';
import type { Reference } from '../../data/types/reference';
import { initI18n } from '../../i18n/i18n';
import { ActionForm } from '../../components/ActionForm';
import { actionSpec, type SpecContext } from './action-specs';

const reference: Reference = {
  users: [
    { id: 'u-a', username: 'agent.gz', displayName: '李', role: 'agent', branchId: 'gz', teamId: 't1', jobNumber: '1001' },
    { id: 'u-l', username: 'lead.gz', displayName: '王', role: 'team_lead', branchId: 'gz', teamId: 't1' },
  ],
  branches: [{ id: 'gz', name: '广州' }, { id: 'dg', name: '东莞' }],
  teams: [],
  policy: defaultPolicy,
  calendar: defaultCalendar(),
  scripts: [],
  pulledAt: null,
};

function ctxFor(complaint: ComplaintProjection, t: TFunction): SpecContext {
  return {
    complaint,
    user: { id: 'u-x', username: 'x', displayName: 'x', role: 'complaint_officer', branchId: 'gz', teamId: null },
    reference,
    t,
    language: 'en',
    now: '2026-11-24T01:00:00.000Z',
  };
}

const ev = eventFactory('c-1');
const noted = fold(
  [
    ev('complaint.created', null),
    ev('work_order.filed', null),
    ev('parties.notified', { agentIds: ['a1'] }),
    ev('callback.mid_course_note', { recordingSerial: 'LY-77', callbackSerial: 'HF-02', text: '经听LY-77录音…' }),
  ],
  defaultFoldContext(),
)!;

describe('action forms start neutral where a person must decide', () => {
  let t: TFunction;
  beforeAll(async () => {
    initI18n('en');
    await i18next.changeLanguage('en');
    t = i18next.t;
  });

  it('the mid-course note, the investigation, the review, assigning and transferring preselect nothing and require a choice', () => {
    const pending = fold([ev('complaint.created', null), ev('work_order.filed', null), ev('parties.notified', { agentIds: ['a1'] })], defaultFoldContext())!;
    const pick = (id: Parameters<typeof actionSpec>[0], p: ComplaintProjection, name: string) =>
      actionSpec(id, ctxFor(p, t))!.fields.find((f) => f.name === name)!;
    for (const [id, p, name] of [
      ['midCourseNote', pending, 'founded'],
      ['midCourseNote', pending, 'accepted'],
      ['investigation', pending, 'method'],
      ['investigation', pending, 'finding'],
      ['officerReview', noted, 'decision'],
      ['assign', pending, 'to'],
      ['transfer', pending, 'to'],
    ] as const) {
      const f = pick(id, p, name);
      expect(f.initial, `${id}.${name}`).toBe('');
      expect(f.required, `${id}.${name}`).toBe(true);
    }
    // No note text is drafted for the lead before both judgements are made.
    expect(actionSpec('midCourseNote', ctxFor(pending, t))!.preview!({ recordingSerial: 'a', agentConduct: 'b', callbackSerial: 'c', founded: '', accepted: '' })).toBeNull();
  });

  it('notifying preselects only the agent the complaint names by job number, and that agent’s lead; nobody otherwise', () => {
    const pending = fold([ev('complaint.created', null), ev('work_order.filed', null)], defaultFoldContext())!;
    const initial = (p: ComplaintProjection) =>
      Object.fromEntries(actionSpec('notifyParties', ctxFor(p, t))!.fields.map((f) => [f.name, f.initial]));
    expect(initial({ ...pending, respondent: null })).toEqual({ agent: '', lead: '' });
    expect(initial({ ...pending, respondent: { agentJobNumbers: ['1001'] } })).toEqual({ agent: 'u-a', lead: 'u-l' });
  });

  it('renders the choice empty, and the review shows the lead’s note and the recording serial beside the decision', () => {
    const spec = actionSpec('officerReview', ctxFor(noted, t))!;
    const html = renderToStaticMarkup(<ActionForm spec={spec} open />);
    expect(html).toMatch(/<option value="" disabled="" selected="">— choose —<\/option>/);
    expect(html).toContain('经听LY-77录音…');
    expect(html).toContain('recording LY-77');
    expect(html).toContain('value="LY-77"');
  });

  it('reads a scheduled callback’s typed date back in the UI language, in the centre’s zone', async () => {
    const at = actionSpec('scheduleCallback', ctxFor(noted, t))!.fields.find((f) => f.name === 'at')!;
    expect(at.readBack!('2026-11-24T15:30')).toBe('24 Nov 2026, 15:30');
    expect(at.readBack!('')).toBe('');
    const zh = actionSpec('scheduleCallback', { ...ctxFor(noted, t), language: 'zh-CN' })!.fields.find((f) => f.name === 'at')!;
    expect(zh.readBack!('2026-11-24T15:30')).toBe('2026年11月24日 15:30');
  });
});
