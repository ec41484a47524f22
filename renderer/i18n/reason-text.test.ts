import { describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import { REJECT } from '../../shared/protocol/reasons';
import { checkWrite } from '../../shared/rules/available-actions';
import { fold } from '../../shared/fold/fold';
import { defaultFoldContext, eventFactory } from '../../shared/test-support/fold-fixtures';
import { resources } from './i18n';
import { reasonText } from './reason-text';

async function tFor(lng: 'en' | 'zh-CN'): Promise<TFunction> {
  const i = i18next.createInstance();
  await i.init({ resources, lng, interpolation: { escapeValue: false } });
  return i.t;
}

describe('reasonText', () => {
  it('says the server’s state refusal in Chinese, with the fold’s reason', async () => {
    const t = await tFor('zh-CN');
    const server = REJECT.illegalState('The team lead has not added the mid-course note yet');
    expect(reasonText(t, server, 'officer.reviewed')).toBe('班长尚未填写中途意见。');
  });

  it('names the action and the state for a refusal by state, in either language', async () => {
    const server = REJECT.illegalState('Escalating is not possible while the complaint is callback pending');
    expect(reasonText(await tFor('en'), server, 'complaint.escalated')).toBe(
      '“Escalated” is not possible while the complaint is “Awaiting callback”.',
    );
    expect(reasonText(await tFor('zh-CN'), server, 'complaint.escalated')).toBe('投诉处于“待二解回访”状态时不能“升级”。');
  });

  it('translates the scope and role codes, and the client’s own check gives the same words', async () => {
    const t = await tFor('zh-CN');
    expect(reasonText(t, REJECT.outOfScope())).toContain('已批转');
    const ctx = defaultFoldContext();
    const ev = eventFactory('c-1');
    const p = fold([ev('complaint.created', null), ev('complaint.transferred', { toBranchId: 'dg' })], ctx)!;
    const local = checkWrite({ role: 'supervisor', branchId: 'gz' }, p, ev('note.added', null), ctx);
    expect(local.ok).toBe(false);
    if (!local.ok) expect(reasonText(t, { code: local.code, message: local.why })).toBe(reasonText(t, REJECT.outOfScope()));
  });

  it('shows words it does not know as the server gave them', async () => {
    const t = await tFor('zh-CN');
    expect(reasonText(t, { code: 'something_new', message: 'Brand new reason' })).toBe('Brand new reason');
    expect(reasonText(t, REJECT.illegalState('A reason from a newer fold'))).toBe('A reason from a newer fold');
    expect(reasonText(t, REJECT.illegalState(undefined))).toBe('投诉当前的状态不允许此操作。');
  });
});
