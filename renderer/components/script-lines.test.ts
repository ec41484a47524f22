import { describe, expect, it } from 'vitest';
import type { ReferenceScript } from '../data/types/reference';
import { en } from '../i18n/resources/en';
import { zhCN } from '../i18n/resources/zh-CN';
import { fillScript, pickScripts, scenarioForCategory } from './script-lines';

const values = { customerName: '王女士', jobNumber: '10086', issue: '话费多扣' };

describe('fillScript', () => {
  it('fills the customer, the job number and the issue', () => {
    expect(fillScript('{customerName}您好，我是{jobNumber}号，关于{issue}', values)).toBe('王女士您好，我是10086号，关于话费多扣');
  });
  it('knows the Chinese placeholder names and double braces', () => {
    expect(fillScript('{{客户姓名}}，工号{工号}', values)).toBe('王女士，工号10086');
  });
  it('leaves an unknown or empty placeholder visible', () => {
    expect(fillScript('{other} {issue}', { ...values, issue: ' ' })).toBe('{other} {issue}');
  });
});

describe('lines before the customer’s name is typed', () => {
  const noName = { ...values, customerName: ' ' };
  it('reads every built-in line naturally, with no placeholder left and no stray comma', () => {
    const texts = (node: unknown): string[] =>
      typeof node === 'string' ? [node] : node && typeof node === 'object' ? Object.values(node).flatMap(texts) : [];
    for (const library of [en.scriptLibrary, zhCN.scriptLibrary]) {
      for (const text of texts(library)) {
        const said = fillScript(text, noName);
        expect(said, text).not.toMatch(/[{}]/);
        expect(said, text).not.toMatch(/^[，,]|[，,]\s*[，,.:：]|\s[,.:]/);
        expect(said, text).not.toMatch(/^\s*[a-z]/);
      }
    }
  });
  it('drops the name and its separator, keeping what follows', () => {
    expect(fillScript('{customerName}您好，我是{jobNumber}号', noName)).toBe('您好，我是10086号');
    expect(fillScript('{customerName}，非常抱歉', noName)).toBe('非常抱歉');
    expect(fillScript('Hello {customerName}, I am agent {jobNumber}.', noName)).toBe('Hello, I am agent 10086.');
    expect(fillScript('You are right, {customerName}: we made a mistake', noName)).toBe('You are right: we made a mistake');
    expect(fillScript('feel this way, {customerName}. That is', noName)).toBe('feel this way. That is');
    expect(fillScript('{customerName}, on behalf of the centre', noName)).toBe('On behalf of the centre');
  });
  it('still names the customer once the name is typed', () => {
    expect(fillScript('Hello {customerName}, I am agent {jobNumber}.', { ...values, customerName: 'Ms Wang' })).toBe('Hello Ms Wang, I am agent 10086.');
  });
});

describe('the scenario follows the category', () => {
  it('apologises for the attitude (A) on a service-attitude complaint and owns the error (B) on any other', () => {
    expect(scenarioForCategory('attitude')).toBe('A');
    for (const c of ['business_error', 'price', 'process', 'product_quality', 'delivery_delay', 'other']) expect(scenarioForCategory(c), c).toBe('B');
    expect(scenarioForCategory('')).toBeNull();
  });
});

describe('pickScripts', () => {
  const s = (id: string, change: Partial<ReferenceScript>): ReferenceScript => ({ id, text: id, ...change });
  const library = [
    s('open-zh', { scenario: 'opening', language: 'zh-CN' }),
    s('a-att', { scenario: 'A', category: 'attitude', language: 'zh-CN' }),
    s('b-any', { scenario: 'B', language: 'zh-CN' }),
    s('a-price', { scenario: 'A', category: 'price', language: 'zh-CN' }),
    s('open-en', { scenario: 'opening', language: 'en' }),
  ];
  it('offers the opening, then the scenario lines of the category', () => {
    expect(pickScripts(library, 'attitude', 'A', 'zh-CN').map((x) => x.id)).toEqual(['open-zh', 'a-att']);
  });
  it('lets uncategorised lines fit any category', () => {
    expect(pickScripts(library, 'price', 'B', 'zh-CN').map((x) => x.id)).toEqual(['open-zh', 'b-any']);
  });
  it('falls back to any language when the library lacks the display language', () => {
    expect(pickScripts(library, 'attitude', 'A', 'fr').map((x) => x.id)).toContain('open-en');
  });
  it("gives each audience its own lines: agents' soothing at intake, leads' callbacks", () => {
    const both = [s('agent-a', { scenario: 'A', language: 'zh-CN' }), s('lead-a', { scenario: 'A', language: 'zh-CN', audience: 'lead' })];
    expect(pickScripts(both, 'attitude', 'A', 'zh-CN').map((x) => x.id)).toEqual(['agent-a']);
    expect(pickScripts(both, 'attitude', 'A', 'zh-CN', 'lead').map((x) => x.id)).toEqual(['lead-a']);
  });
});
