import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { initI18n } from '../i18n/i18n';
import { zhCN } from '../i18n/resources/zh-CN';
import { emptyDraft } from '../state/intake-draft';
import { SoothingPanel } from './SoothingPanel';
import type { ReferenceScript } from '../data/types/reference';

function render(scripts: ReferenceScript[] = []) {
  return renderToStaticMarkup(
    <SoothingPanel
      value={emptyDraft().soothing}
      onChange={() => {}}
      customerName="王女士"
      jobNumber="1001"
      issue="话费多扣"
      category="attitude"
      scripts={scripts}
      onWithdrew={() => {}}
      onFile={() => {}}
    />,
  );
}

describe('SoothingPanel', () => {
  beforeAll(() => {
    initI18n('zh-CN');
  });

  it('names its controls with the Chinese text shown in zh-CN, and with the exact English names in English', async () => {
    await i18next.changeLanguage('zh-CN');
    const zh = render();
    for (const name of [zhCN.soothing.calmed, zhCN.soothing.withdrew, zhCN.soothing.fileWorkOrder]) expect(zh).toContain(`aria-label="${name}"`);
    expect(zh).not.toContain('aria-label="Calmed the customer"');
    await i18next.changeLanguage('en');
    const en = render();
    for (const name of ['Calmed the customer', 'Understood the cause', 'Offered a solution', 'Customer withdrew', 'File work order']) {
      expect(en).toContain(`aria-label="${name}"`);
    }
  });

  it('fills the built-in scripts with the customer, the job number and the issue', async () => {
    await i18next.changeLanguage('zh-CN');
    const html = render();
    expect(html).toContain('王女士您好，我是1001号客服代表');
    expect(html).toContain('关于话费多扣');
  });

  it("agents at intake see the agents' soothing scripts, not the leads' callback scripts", async () => {
    await i18next.changeLanguage('zh-CN');
    const html = render([
      { id: 'agent-a', scenario: 'A', language: 'zh-CN', audience: 'agent', text: '坐席安抚口径{customerName}' },
      { id: 'lead-a', scenario: 'A', language: 'zh-CN', audience: 'lead', text: '班长回访口径{customerName}' },
    ]);
    expect(html).toContain('坐席安抚口径王女士');
    expect(html).not.toContain('班长回访口径');
  });
});
