import { describe, expect, it } from 'vitest';
import { emptyDraft } from './intake-draft';
import { draftForCall } from './screen-pop-draft';

const NOW = '2026-12-06T09:00:00.000Z';
const pop = { ani: '13800138000', serial: 'CALL-77' };

describe('a call opening intake', () => {
  it('fills the caller’s number, the call serial and the call’s start into a fresh phone intake', () => {
    const d = draftForCall(emptyDraft(), pop, NOW);
    expect(d).toMatchObject({ phone: '13800138000', callSerial: 'CALL-77', channel: 'phone', startedAt: NOW, customerName: '' });
  });

  it('replaces a draft whose complaint is already saved', () => {
    const saved = { ...emptyDraft(), customerName: '王女士', phone: '13900000000', saved: { complaintId: 'c1', number: 'GZ-1' } };
    const d = draftForCall(saved, { ani: '13700000000', serial: null }, NOW);
    expect(d).toMatchObject({ phone: '13700000000', callSerial: '', customerName: '', saved: null });
  });

  it('never throws away what the agent is typing: only an empty number and serial are filled', () => {
    const typing = { ...emptyDraft(), customerName: '李先生', description: '宽带断网', phone: '' };
    expect(draftForCall(typing, pop, NOW)).toMatchObject({ customerName: '李先生', description: '宽带断网', phone: '13800138000', callSerial: 'CALL-77' });
    const withPhone = { ...typing, phone: '13911112222' };
    expect(draftForCall(withPhone, pop, NOW).phone).toBe('13911112222');
  });
});
