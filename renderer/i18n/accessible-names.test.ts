import { describe, expect, it } from 'vitest';
import { A11Y } from './accessible-names';

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
