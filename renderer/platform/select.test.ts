import { describe, expect, it } from 'vitest';
import type { PlatformBridge } from '../../shared/platform/bridge';
import { selectBridge } from './select';
import { createWebBridge } from './web';

const web = (): PlatformBridge =>
  createWebBridge(
    {
      location: { origin: 'http://localhost' },
      sessionStorage: { getItem: () => null, setItem: () => undefined, removeItem: () => undefined },
      localStorage: { getItem: () => null, setItem: () => undefined, removeItem: () => undefined },
      navigator: {},
      indexedDB: {} as IDBFactory,
      open: () => null,
      focus: () => undefined,
    },
    { appVersion: '0.0.0' },
  );

describe('selectBridge', () => {
  it('uses the desktop bridge when the preload defined one', () => {
    const desktop = { ...web(), kind: 'electron' as const };
    expect(selectBridge(desktop, web)).toBe(desktop);
  });

  it('falls back to the web bridge otherwise', () => {
    expect(selectBridge(undefined, web).kind).toBe('web');
    expect(selectBridge({ kind: 'electron' }, web).kind).toBe('web');
    expect(selectBridge('hotlineDesk', web).kind).toBe('web');
  });
});
