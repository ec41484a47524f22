import { describe, expect, it } from 'vitest';
import { secondResolutionEligibility } from './second-resolution-eligibility';
import { defaultPolicy } from '../policy/policy';

const p = defaultPolicy;
const base = { agentCount: 1, customerType: 'ordinary' as const, urgedAt: [] as string[] };

describe('no second resolution (二解) with 2+ agents, a VIP or 专业户, or urging before the mid-course note', () => {
  it('is eligible for one agent, an ordinary customer and no urging', () => {
    expect(secondResolutionEligibility({ ...base, category: 'attitude' }, p)).toEqual({ eligible: true, reasons: [] });
  });

  it('is not when two or more agents are involved', () => {
    expect(secondResolutionEligibility({ ...base, agentCount: 2 }, p)).toEqual({ eligible: false, reasons: ['multiple_agents'] });
  });

  it('is not for a VIP or a professional complainant', () => {
    expect(secondResolutionEligibility({ ...base, customerType: 'vip' }, p).reasons).toEqual(['vip_or_professional']);
    expect(secondResolutionEligibility({ ...base, customerType: 'professional' }, p).reasons).toEqual(['vip_or_professional']);
  });

  it('is not when the customer urged before the note, or with no note yet', () => {
    expect(
      secondResolutionEligibility({ ...base, urgedAt: ['2026-11-24T09:00:00+08:00'], midCourseNoteAt: '2026-11-24T10:00:00+08:00' }, p)
        .reasons,
    ).toEqual(['urged_before_note']);
    expect(secondResolutionEligibility({ ...base, urgedAt: ['2026-11-24T09:00:00+08:00'] }, p).eligible).toBe(false);
  });

  it('stays eligible when the urging came after the note', () => {
    const r = secondResolutionEligibility(
      { ...base, urgedAt: ['2026-11-24T03:00:00.000Z-0000-0000000000000001'], midCourseNoteAt: '2026-11-24T10:00:00+08:00' },
      p,
    );
    expect(r.eligible).toBe(true);
  });

  it('compares HLC stamps with ISO instants in time order', () => {
    const r = secondResolutionEligibility(
      { ...base, urgedAt: ['2026-11-24T01:59:59.999Z-0003-0000000000000001'], midCourseNoteAt: '2026-11-24T10:00:00+08:00' },
      p,
    );
    expect(r.reasons).toEqual(['urged_before_note']);
  });

  it('is for service-quality complaints only', () => {
    expect(secondResolutionEligibility({ ...base, category: 'price' }, p).reasons).toEqual(['not_service_quality']);
  });

  it('lists every reason that applies', () => {
    const r = secondResolutionEligibility({ agentCount: 3, customerType: 'vip', urgedAt: ['2026-11-24T09:00:00Z'] }, p);
    expect(r.reasons).toEqual(['multiple_agents', 'vip_or_professional', 'urged_before_note']);
  });
});
