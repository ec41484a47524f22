import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  browserFallbackMessage,
  desktopDecision,
  electronArgs,
  electronEnv,
  isHealthy,
  serverAddress,
  serverEnv,
  signalExitCode,
} from './start-plan';

describe('serverAddress', () => {
  it('defaults to the local server of the protocol', () => {
    expect(serverAddress({})).toEqual({ host: '127.0.0.1', port: 8787, url: 'http://127.0.0.1:8787' });
  });

  it('honours HOST and PORT, reaching wildcard addresses on loopback', () => {
    expect(serverAddress({ PORT: '9000', HOST: '0.0.0.0' })).toEqual({ host: '0.0.0.0', port: 9000, url: 'http://127.0.0.1:9000' });
    expect(serverAddress({ HOST: '::1' }).url).toBe('http://[::1]:8787');
    expect(serverAddress({ HOST: 'desk.local', PORT: ' ' }).url).toBe('http://desk.local:8787');
  });

  it.each(['abc', '0', '70000', '80.5'])('refuses PORT=%s', (port) => {
    expect(() => serverAddress({ PORT: port })).toThrow(/PORT/);
  });
});

describe('serverEnv', () => {
  it('seeds the demo organisation and serves the built client by default', () => {
    expect(serverEnv({ PATH: '/bin' }, '/app/dist/renderer')).toEqual({ PATH: '/bin', SEED_DEMO: '1', CLIENT_DIR: '/app/dist/renderer' });
  });

  it('keeps explicit choices', () => {
    expect(serverEnv({ SEED_DEMO: '0', CLIENT_DIR: '/srv/web' }, '/app/dist/renderer')).toMatchObject({ SEED_DEMO: '0', CLIENT_DIR: '/srv/web' });
  });
});

describe('desktopDecision', () => {
  const exists = (file: string) => file === '/app/node_modules/electron/dist/electron';

  it('opens the desktop window when the binary is there', () => {
    expect(desktopDecision(() => '/app/node_modules/electron/dist/electron', exists, {})).toEqual({
      kind: 'electron',
      binary: '/app/node_modules/electron/dist/electron',
    });
  });

  it('falls back to the browser when the download never happened', () => {
    const decision = desktopDecision(
      () => {
        throw new Error('Electron failed to install correctly, please delete node_modules/electron and try installing again');
      },
      exists,
      {},
    );
    expect(decision).toEqual({ kind: 'browser', reason: expect.stringContaining('Electron failed to install correctly') });
  });

  it('falls back when the binary is missing, odd, or the desktop is switched off', () => {
    expect(desktopDecision(() => '/elsewhere/electron', exists, {})).toMatchObject({ kind: 'browser', reason: expect.stringContaining('/elsewhere/electron') });
    expect(desktopDecision(() => ({}), exists, {})).toMatchObject({ kind: 'browser' });
    expect(desktopDecision(() => '/app/node_modules/electron/dist/electron', exists, { HOTLINE_DESK_NO_ELECTRON: '1' })).toMatchObject({ kind: 'browser' });
  });
});

describe('electron launch', () => {
  it('runs the app folder against the server', () => {
    expect(electronArgs('.', 'http://127.0.0.1:8787')).toEqual([path.resolve('.'), '--server-url=http://127.0.0.1:8787']);
  });

  it('drops ELECTRON_RUN_AS_NODE', () => {
    expect(electronEnv({ ELECTRON_RUN_AS_NODE: '1', PATH: '/bin' })).toEqual({ PATH: '/bin' });
  });
});

describe('messages and codes', () => {
  it('tells the user where to point a browser, and why', () => {
    const message = browserFallbackMessage(serverAddress({}), 'the Electron binary is not installed');
    expect(message).toContain('Open http://127.0.0.1:8787 in a browser');
    expect(message).toContain('the Electron binary is not installed');
  });

  it('reports signals as shells do', () => {
    expect(signalExitCode('SIGINT')).toBe(130);
    expect(signalExitCode('SIGTERM')).toBe(143);
  });

  it('accepts only an ok health answer', () => {
    expect(isHealthy(200, { status: 'ok', storage: 'pglite', version: '0.1.0' })).toBe(true);
    expect(isHealthy(503, { status: 'ok' })).toBe(false);
    expect(isHealthy(200, { status: 'starting' })).toBe(false);
    expect(isHealthy(200, null)).toBe(false);
  });
});

describe('browser fallback advice', () => {
  it('prints how to get the desktop window when there is advice', () => {
    const message = browserFallbackMessage(serverAddress({}), 'no binary', 'ELECTRON_MIRROR=… npm run fetch:electron');
    expect(message.split('\n')).toContain('ELECTRON_MIRROR=… npm run fetch:electron');
  });
});
