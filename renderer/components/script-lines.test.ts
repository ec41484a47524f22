import { describe, expect, it } from 'vitest';
import type { ReferenceScript } from '../data/types/reference';
import { fillScript, pickScripts } from './script-lines';

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
});
