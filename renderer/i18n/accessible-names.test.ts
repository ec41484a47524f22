import { describe, expect, it } from 'vitest';
import { A11Y, A11Y_TEXT, accessibleName } from './accessible-names';
import { en } from './resources/en';
import { zhCN } from './resources/zh-CN';

// The names the UX guide's automation contract fixes; a rename here breaks
// end-to-end scripts and screen-reader users' habits alike.
const CONTRACT = [
  'Username', 'Password', 'Sign in', 'Language', 'Sync status', 'Sign out', 'New complaint',
  'Queue', 'Search', 'Customer name', 'Phone', 'Channel', 'Customer type', 'Category',
  'Description', 'Demands', 'Save complaint', 'Complaint number', 'Calmed the customer',
  'Understood the cause', 'Offered a solution', 'Customer withdrew', 'File work order',
  'Complaints', 'Timeline', 'Escalate', 'Reason', 'Confirm',
];

describe('accessible names', () => {
  it('holds every name of the automation contract exactly', () => {
    const names = new Set<string>(Object.values(A11Y));
    for (const name of CONTRACT) expect(names.has(name), name).toBe(true);
  });

  it('gives each control its own name', () => {
    const values = Object.values(A11Y);
    expect(new Set(values).size).toBe(values.length);
  });
});

describe('accessible names outside the English UI', () => {
  const lookup = (tree: unknown, key: string): unknown =>
    key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);

  it('keeps the exact English contract name in the English UI', () => {
    expect(accessibleName('en', A11Y.username, '用户名')).toBe('Username');
  });

  it('names a control by the Chinese text the user sees in zh-CN', () => {
    expect(accessibleName('zh-CN', A11Y.username, '用户名')).toBe('用户名');
  });

  it('points every contract name at a text both languages have, Chinese in zh-CN', () => {
    for (const [key, textKey] of Object.entries(A11Y_TEXT)) {
      const zh = lookup(zhCN, textKey);
      expect(typeof lookup(en, textKey), `${key} → ${textKey} (en)`).toBe('string');
      expect(typeof zh, `${key} → ${textKey} (zh-CN)`).toBe('string');
      expect(zh as string, key).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(Object.keys(A11Y_TEXT).sort()).toEqual(Object.keys(A11Y).sort());
  });
});
