import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { initI18n } from '../../i18n/i18n';
import { AccessLogScreen } from './AccessLogScreen';
import { ErasureScreen } from './ErasureScreen';

describe('privacy screens', () => {
  it('speak English and Chinese, every field of the erasure form labelled', () => {
    initI18n('en');
    const en = renderToStaticMarkup(<ErasureScreen />) + renderToStaticMarkup(<AccessLogScreen />);
    for (const text of ['Erase personal data', 'Place of incident', 'Fields to erase', 'Access to personal data', 'All actions']) expect(en).toContain(text);
    expect(en).not.toMatch(/privacy\./);
    initI18n('zh-CN');
    const zh = renderToStaticMarkup(<ErasureScreen />) + renderToStaticMarkup(<AccessLogScreen />);
    for (const text of ['删除客户个人信息', '事发地点', '客户个人信息访问记录', '全部操作']) expect(zh).toContain(text);
    expect(zh).not.toMatch(/privacy\./);
  });
});
