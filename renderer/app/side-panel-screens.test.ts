import { describe, expect, it } from 'vitest';
import { usesSidePanel } from './side-panel-screens';

describe('side panel by screen', () => {
  it('keeps the right-hand panel where a complaint opens beside the list or the intake form', () => {
    for (const s of ['new', 'queue', 'team', 'callbacks', 'review', 'supervisor', 'attention', 'outbox'] as const) expect(usesSidePanel(s), s).toBe(true);
  });

  it('gives reports and the other screens without a complaint beside them the whole width', () => {
    for (const s of ['reports', 'accessLog', 'erasure', 'settings'] as const) expect(usesSidePanel(s), s).toBe(false);
  });
});
