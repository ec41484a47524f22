import { describe, expect, it } from 'vitest';
import { claimSingleInstance, type FocusableWindow } from './single-instance';

function fakeWindow(state: { minimized?: boolean; visible?: boolean; destroyed?: boolean } = {}) {
  const calls: string[] = [];
  const window: FocusableWindow = {
    isDestroyed: () => state.destroyed ?? false,
    isMinimized: () => state.minimized ?? false,
    restore: () => calls.push('restore'),
    isVisible: () => state.visible ?? true,
    show: () => calls.push('show'),
    focus: () => calls.push('focus'),
  };
  return { window, calls };
}

function harness(lock: boolean, window?: FocusableWindow) {
  let quits = 0;
  let listener: (() => void) | undefined;
  const claimed = claimSingleInstance({
    requestLock: () => lock,
    quit: () => {
      quits += 1;
    },
    onSecondInstance: (l) => {
      listener = l;
    },
    getWindow: () => window,
  });
  return { claimed, quits: () => quits, secondInstance: () => listener?.() , hasListener: () => listener !== undefined };
}

describe('claimSingleInstance', () => {
  it('quits a second instance at once', () => {
    const h = harness(false);
    expect(h.claimed).toBe(false);
    expect(h.quits()).toBe(1);
    expect(h.hasListener()).toBe(false);
  });

  it('brings the first instance to the front when another starts', () => {
    const { window, calls } = fakeWindow({ minimized: true, visible: false });
    const h = harness(true, window);
    expect(h.claimed).toBe(true);
    expect(h.quits()).toBe(0);
    h.secondInstance();
    expect(calls).toEqual(['restore', 'show', 'focus']);
  });

  it('only focuses a window that is already visible', () => {
    const { window, calls } = fakeWindow();
    harness(true, window).secondInstance();
    expect(calls).toEqual(['focus']);
  });

  it('does nothing before the window exists or after it is destroyed', () => {
    harness(true, undefined).secondInstance();
    const { window, calls } = fakeWindow({ destroyed: true });
    harness(true, window).secondInstance();
    expect(calls).toEqual([]);
  });
});
