import { describe, expect, it } from 'vitest';
import { createPendingIndicator, trayTexts } from './tray-badge';

describe('trayTexts', () => {
  it('speaks English and Chinese', () => {
    expect(trayTexts(3, 'en-US')).toMatchObject({ tooltip: 'Hotline Desk · 3 pending', title: '3', quit: 'Quit' });
    expect(trayTexts(0, 'en-GB')).toMatchObject({ tooltip: 'Hotline Desk · all synced', title: '' });
    expect(trayTexts(12, 'zh-CN')).toMatchObject({ tooltip: 'Hotline Desk · 12 项待同步', title: '12', quit: '退出' });
    expect(trayTexts(0, 'zh-Hans-CN').tooltip).toBe('Hotline Desk · 已全部同步');
  });

  it('caps the short title', () => {
    expect(trayTexts(100, 'en').title).toBe('99+');
    expect(trayTexts(99, 'en').title).toBe('99');
  });
});

describe('createPendingIndicator', () => {
  it('updates tooltip, title and badge when the count changes', () => {
    const calls: string[] = [];
    const update = createPendingIndicator(
      {
        setToolTip: (t) => calls.push(`tooltip ${t}`),
        setTitle: (t) => calls.push(`title ${t}`),
        setBadgeCount: (n) => calls.push(`badge ${n}`),
        setMenuTexts: (texts) => calls.push(`menu ${texts.showWindow}`),
      },
      'en-US',
    );
    update(2);
    update(2);
    update(0);
    expect(calls).toEqual([
      'tooltip Hotline Desk · 2 pending',
      'title 2',
      'badge 2',
      'menu Show Hotline Desk',
      'tooltip Hotline Desk · all synced',
      'title ',
      'badge 0',
    ]);
  });

  it('works where the OS has no badge', () => {
    const tooltips: string[] = [];
    const update = createPendingIndicator({ setToolTip: (t) => tooltips.push(t), setTitle: () => undefined, setMenuTexts: () => undefined }, 'zh-CN');
    update(5);
    expect(tooltips).toEqual(['Hotline Desk · 5 项待同步']);
  });
});
