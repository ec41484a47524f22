import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { initI18n } from '../../i18n/i18n';
import { fold } from '../../../shared/fold/fold';
import { defaultFoldContext, eventFactory } from '../../../shared/test-support/fold-fixtures';
import type { ComplaintProjection } from '../../../shared/fold/projection';
import type { ReferenceScript } from '../../data/types/reference';
import { CallbackScripts, scenarioFor } from './CallbackScripts';

function complaint(complainant: { name: string; title?: 'mr' | 'ms' }, category: 'attitude' | 'business_error' | 'price' = 'attitude'): ComplaintProjection {
  const ev = eventFactory('c-cb');
  return fold(
    [
      ev('complaint.created', {
        category,
        complainant: { name: complainant.name, phone: '13800138000', customerType: 'ordinary', ...(complainant.title ? { title: complainant.title } : {}) },
        respondent: { agentJobNumbers: ['1002'] },
      }),
    ],
    defaultFoldContext(),
  )!;
}

describe("the callbacks screen shows the lead's callback scripts (scenarios A/B/C of the norm)", () => {
  beforeAll(() => {
    initI18n('zh-CN');
  });

  it('the scenario follows the category: A attitude, B business error, C otherwise', () => {
    expect(scenarioFor('attitude')).toBe('A');
    expect(scenarioFor('business_error')).toBe('B');
    expect(scenarioFor('price')).toBe('C');
  });

  it('addresses the customer as 先生/女士 where the title is known, and names the complained-about agent', async () => {
    await i18next.changeLanguage('zh-CN');
    const html = renderToStaticMarkup(<CallbackScripts complaint={complaint({ name: '李娜', title: 'ms' })} scripts={[]} />);
    expect(html).toContain('李女士您好，我是客服中心的班长');
    expect(html).toContain('1002号话务员');
    expect(html).toContain('aria-pressed="true"');
  });

  it('uses the name as registered when the title is not known, and Mr/Ms in English', async () => {
    await i18next.changeLanguage('zh-CN');
    expect(renderToStaticMarkup(<CallbackScripts complaint={complaint({ name: '李娜' })} scripts={[]} />)).toContain('李娜您好');
    await i18next.changeLanguage('en');
    expect(renderToStaticMarkup(<CallbackScripts complaint={complaint({ name: 'Li Na', title: 'ms' })} scripts={[]} />)).toContain('Hello Ms Li Na, this is the team lead');
    await i18next.changeLanguage('zh-CN');
  });

  it("offers the centre's lead scripts and never the agents' soothing lines", async () => {
    await i18next.changeLanguage('zh-CN');
    const scripts: ReferenceScript[] = [
      { id: 'agent-a', scenario: 'A', language: 'zh-CN', audience: 'agent', text: '坐席口径{customerName}' },
      { id: 'open', scenario: 'opening', language: 'zh-CN', text: '开场致歉{customerName}' },
      { id: 'lead-a', scenario: 'A', language: 'zh-CN', audience: 'lead', text: '班长口径{customerName}' },
    ];
    const html = renderToStaticMarkup(<CallbackScripts complaint={complaint({ name: '王小明', title: 'mr' })} scripts={scripts} />);
    expect(html).toContain('班长口径王先生');
    expect(html).not.toContain('坐席口径');
    expect(html).not.toContain('开场致歉');
  });
});
