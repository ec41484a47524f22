import { describe, expect, it } from 'vitest';
import { createNotifier, type NotificationLike } from './notifier';

function harness(supported = true) {
  const shown: Array<{ title: string; body: string; fire: (event: 'click' | 'close') => void }> = [];
  const clicks: Array<string | undefined> = [];
  const notify = createNotifier({
    isSupported: () => supported,
    create: ({ title, body }) => {
      const listeners = new Map<string, () => void>();
      const notification: NotificationLike = {
        on: (event, listener) => listeners.set(event, listener),
        show: () => shown.push({ title, body, fire: (event) => listeners.get(event)?.() }),
      };
      return notification;
    },
    onClick: (id) => clicks.push(id),
  });
  return { notify, shown, clicks };
}

describe('createNotifier', () => {
  it('shows a notification and routes its click to the complaint', () => {
    const h = harness();
    expect(h.notify({ title: 'Deadline in 30 min', body: 'C-1', options: { complaintId: 'c-1' } })).toBe(true);
    expect(h.shown.map((n) => n.title)).toEqual(['Deadline in 30 min']);
    h.shown[0]?.fire('click');
    expect(h.clicks).toEqual(['c-1']);
  });

  it('reports a click without a complaint as undefined', () => {
    const h = harness();
    h.notify({ title: 'Sync failed', body: '' });
    h.shown[0]?.fire('click');
    expect(h.clicks).toEqual([undefined]);
  });

  it('shows a tag once', () => {
    const h = harness();
    const request = { title: 'Due', body: 'C-2', options: { complaintId: 'c-2', tag: 'c-2:first-response' } };
    expect(h.notify(request)).toBe(true);
    expect(h.notify(request)).toBe(true);
    expect(h.notify({ ...request, options: { ...request.options, tag: 'c-2:resolution' } })).toBe(true);
    expect(h.shown).toHaveLength(2);
  });

  it('reports false where the OS has no notifications', () => {
    const h = harness(false);
    expect(h.notify({ title: 'Due', body: 'x' })).toBe(false);
    expect(h.shown).toHaveLength(0);
  });
});
