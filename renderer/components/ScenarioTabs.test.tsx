import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../i18n/i18n';
import { ScenarioTabs } from './ScenarioTabs';

describe('ScenarioTabs', () => {
  beforeAll(() => {
    initI18n('en');
  });

  it('offers the three scenarios of the norm and marks only the chosen one pressed', () => {
    const html = renderToStaticMarkup(<ScenarioTabs value="B" onChange={() => {}} />);
    expect(html.match(/<button/g)).toHaveLength(3);
    expect(html.match(/aria-pressed="true"/g)).toHaveLength(1);
    const pressed = /<button[^>]*aria-pressed="true"[^>]*>([^<]*)</.exec(html)?.[1] ?? '';
    expect(pressed.startsWith('B')).toBe(true);
  });
});
