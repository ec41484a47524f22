import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../shared/events/envelope';
import type { OutboxRow } from '../data/types/sync';
import { initI18n } from '../i18n/i18n';
import { OutboxTable } from './OutboxTable';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const row = (id: string, sync: OutboxRow['sync']): OutboxRow => ({
  event: { id, complaintId: 'c1', type: 'note.added', occurredAt: '2026-11-23T02:00:00.000Z' } as StoredEvent,
  complaintNumber: `TS-${id}`,
  sync,
});
const rows = [row('1', 'pending'), row('2', 'at_hub'), row('3', 'central')];
const render = () => renderToStaticMarkup(<OutboxTable rows={rows} when={(iso) => iso.slice(0, 10)} onOpen={() => {}} />);

/** The text of the table row holding this complaint number. */
const rowText = (html: string, number: string) => text(html.split('<tr').find((r) => r.includes(number)) ?? '');

describe('OutboxTable', () => {
  beforeAll(() => {
    initI18n('en');
  });

  it('marks each change saved here, saved at the hub only, or confirmed by central, in English', async () => {
    await i18next.changeLanguage('en');
    const html = render();
    expect(html).toContain('aria-label="Pending changes"');
    expect(rowText(html, 'TS-1')).toContain('not yet synced');
    expect(rowText(html, 'TS-2')).toContain('saved at the hub, not yet confirmed by central');
    expect(rowText(html, 'TS-3')).toContain('✓ confirmed by central');
    // The hub's own acknowledgement never reads as central's.
    expect(rowText(html, 'TS-2')).not.toContain('✓');
  });

  it('says the same in Chinese', async () => {
    await i18next.changeLanguage('zh-CN');
    const html = render();
    expect(rowText(html, 'TS-2')).toContain('已保存在网点枢纽，中心尚未确认');
    expect(rowText(html, 'TS-3')).toContain(i18next.t('detail.confirmedByCentral'));
    expect(i18next.t('detail.confirmedByCentral')).not.toBe('confirmed by central');
  });
});
