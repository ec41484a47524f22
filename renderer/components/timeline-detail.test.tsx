import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { defaultPolicy } from '../../shared/policy/policy';
import { initI18n } from '../i18n/i18n';
import type { TimelineRow } from '../data/types/sync';
import { describeEvent } from './timeline-detail';
import { Timeline } from './Timeline';

const h = () => ({
  t: i18next.t,
  policy: defaultPolicy,
  who: (id: string) => (id === 'u-o' ? '张明 (1201)' : id),
  branchName: (id: string) => (id === 'dg' ? 'Dongguan branch' : id),
});

describe('timeline words', () => {
  beforeAll(async () => {
    initI18n('en');
    await i18next.changeLanguage('en');
  });

  it('says the escalation’s target level and role, and the breached clock by name', () => {
    expect(describeEvent('complaint.escalated', { fromLevel: 0, toLevel: 3, reason: 'breach', clock: 'handling' }, h())).toBe(
      'to level 3, Supervisor; the “Handling” deadline was breached',
    );
    expect(describeEvent('complaint.escalated', { fromLevel: 0, toLevel: 1, reason: 'request', note: '客户要求班长处理' }, h())).toBe(
      'to level 1, Team lead; why: 客户要求班长处理',
    );
  });

  it('says where a transfer went, to whom it was assigned, and why a withdrawal was reversed', () => {
    expect(describeEvent('complaint.transferred', { toBranchId: 'dg', reason: '属地' }, h())).toBe('to Dongguan branch; why: 属地');
    expect(describeEvent('complaint.assigned', { assigneeId: 'u-o' }, h())).toBe('to 张明 (1201)');
    expect(describeEvent('withdrawal.reversed', { reason: '误点' }, h())).toBe('why: 误点');
    expect(describeEvent('note.added', { text: 'x' }, h())).toBeNull();
  });

  it('shows local time and keeps the HLC for when it is asked for', async () => {
    await i18next.changeLanguage('zh-CN');
    const row: TimelineRow = {
      eventId: 'e1',
      type: 'complaint.escalated',
      hlc: '2026-11-23T01:00:00.000Z-0000-0000000000000001',
      actorId: 'u-o',
      occurredAt: '2026-11-23T01:00:00.000Z',
      state: 'applied',
      sync: 'synced',
      payload: { fromLevel: 0, toLevel: 4, reason: 'breach', clock: 'callback' },
    };
    const html = renderToStaticMarkup(<Timeline rows={[row]} timeZone="Asia/Shanghai" who={h().who} policy={defaultPolicy} />);
    expect(html).toContain('2026-11-23 09:00');
    expect(html).toContain('升级至');
    expect(html).toContain('二解回访');
    expect(html).not.toContain('0000000000000001');
  });
});
