import { describe, expect, it } from 'vitest';
import { API_TARGET_VAR, DEV_DATA_DIR, devServerEnv, viteDevArgs, viteDevEnv, viteOrigin } from './dev-plan';

describe('viteOrigin', () => {
  it('defaults to Vite port 5173 on loopback and honours VITE_PORT', () => {
    expect(viteOrigin({})).toEqual({ port: 5173, origin: 'http://127.0.0.1:5173' });
    expect(viteOrigin({ VITE_PORT: '6000' })).toEqual({ port: 6000, origin: 'http://127.0.0.1:6000' });
  });

  it.each(['x', '0', '99999'])('refuses VITE_PORT=%s', (port) => {
    expect(() => viteOrigin({ VITE_PORT: port })).toThrow(/VITE_PORT/);
  });
});

describe('devServerEnv', () => {
  it('seeds the demo on PGlite in the dev data dir and adds the Vite origin to the default CORS origins', () => {
    const env = devServerEnv({ PATH: '/bin', CLIENT_DIR: '/built' }, 'http://127.0.0.1:5173');
    expect(env).toMatchObject({ PATH: '/bin', SEED_DEMO: '1', DATA_DIR: DEV_DATA_DIR, CORS_ORIGINS: 'app://hotline-desk,http://127.0.0.1:5173' });
    expect('CLIENT_DIR' in env).toBe(false);
  });

  it("keeps the caller's choices and their CORS origins, without repeating the Vite origin", () => {
    const env = devServerEnv(
      { SEED_DEMO: '0', DATA_DIR: 'memory://', CORS_ORIGINS: 'app://hotline-desk, http://127.0.0.1:5173' },
      'http://127.0.0.1:5173',
    );
    expect(env).toMatchObject({ SEED_DEMO: '0', DATA_DIR: 'memory://', CORS_ORIGINS: 'app://hotline-desk,http://127.0.0.1:5173' });
  });
});

describe('vite dev server', () => {
  it('listens on loopback at exactly the chosen port and proxies to the server', () => {
    expect(viteDevArgs('vite.js', 'renderer/vite.config.ts', 5173)).toEqual([
      'vite.js', '--config', 'renderer/vite.config.ts', '--host', '127.0.0.1', '--port', '5173', '--strictPort',
    ]);
    expect(viteDevEnv({ A: 'b' }, 'http://127.0.0.1:9000')).toEqual({ A: 'b', [API_TARGET_VAR]: 'http://127.0.0.1:9000' });
  });
});
