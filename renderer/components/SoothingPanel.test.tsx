import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { initI18n } from '../i18n/i18n';
import { emptyDraft } from '../state/intake-draft';
import { SoothingPanel } from './SoothingPanel';

function render() {
  return renderToStaticMarkup(
    <SoothingPanel
      value={emptyDraft().soothing}
      onChange={() => {}}
      customerName="王女士"
      jobNumber="1001"
      issue="话费多扣"
      category="attitude"
      scripts={[]}
      onWithdrew={() => {}}
      onFile={() => {}}
    />,
  );
}

describe('SoothingPanel', () => {
  beforeAll(() => {
    initI18n('zh-CN');
  });

  it('keeps the English accessible names while showing Chinese', async () => {
    await i18next.changeLanguage('zh-CN');
    const html = render();
    for (const name of ['Calmed the customer', 'Understood the cause', 'Offered a solution', 'Customer withdrew', 'File work order']) {
      expect(html).toContain(`aria-label="${name}"`);
    }
    expect(html).toContain('已安抚情绪');
  });

  it('fills the built-in scripts with the customer, the job number and the issue', async () => {
    await i18next.changeLanguage('zh-CN');
    const html = render();
    expect(html).toContain('王女士您好，我是1001号客服代表');
    expect(html).toContain('关于话费多扣');
  });
});
