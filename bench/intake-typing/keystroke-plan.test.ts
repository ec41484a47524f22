import { describe, expect, it } from 'vitest';
import { isKeystroke, keystrokePlan, typedText } from './keystroke-plan';
import { CALLER_SCRIPT } from './caller-script';

describe('keystrokePlan', () => {
  it('types Latin keys one by one and Chinese words through pinyin composition and a commit', () => {
    const steps = keystrokePlan([{ field: 'customerName', segments: [{ pinyin: 'li', text: '李' }, ' A1，'] }]);
    expect(steps).toEqual([
      { kind: 'focus', field: 'customerName' },
      { kind: 'compose', composing: 'l' },
      { kind: 'compose', composing: 'li' },
      { kind: 'commit', text: '李' },
      { kind: 'key', key: ' ' },
      { kind: 'key', key: 'A' },
      { kind: 'key', key: '1' },
      { kind: 'commit', text: '，' },
    ]);
    expect(steps.filter(isKeystroke)).toHaveLength(7);
  });

  it('the caller script fills every field it names with Chinese text and a phone number', () => {
    const plan = keystrokePlan(CALLER_SCRIPT);
    expect(plan.filter((s) => s.kind === 'focus').map((s) => (s.kind === 'focus' ? s.field : ''))).toEqual(CALLER_SCRIPT.map((f) => f.field));
    expect(plan.filter((s) => s.kind === 'commit').length).toBeGreaterThan(20);
    const description = CALLER_SCRIPT.find((f) => f.field === 'description');
    expect(description && typedText(description)).toMatch(/^上个月宽带突然断网三天，.*月费。$/);
  });
});
