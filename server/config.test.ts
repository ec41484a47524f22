import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CORS_ORIGINS, loadConfig, parseDurationSeconds } from './config';

describe('loadConfig', () => {
  it('has the protocol defaults', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      dataDir: '/srv/app/.data/server',
      seedDemo: false,
      databaseUrl: undefined,
      corsOrigins: DEFAULT_CORS_ORIGINS,
      clientDir: undefined,
    });
    expect(c.corsOrigins).toContain('app://hotline-desk');
    expect(c.heartbeatMs).toBeLessThanOrEqual(25_000);
  });

  it('reads every variable', () => {
    const c = loadConfig(
      {
        PORT: '9000',
        HOST: '0.0.0.0',
        DATA_DIR: 'var/db',
        SEED_DEMO: '1',
        DATABASE_URL: 'postgres://u@db:5432/hd',
        DATABASE_SCHEMA: 'hotline',
        TOKEN_TTL: '8h',
        CORS_ORIGINS: 'app://hotline-desk, http://localhost:5173',
        CLIENT_DIR: 'dist/renderer',
        HEARTBEAT_MS: '1000',
        DEADLINE_WATCH_MS: '0',
      },
      '/srv',
    );
    expect(c).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      dataDir: '/srv/var/db',
      seedDemo: true,
      databaseUrl: 'postgres://u@db:5432/hd',
      databaseSchema: 'hotline',
      tokenTtlSeconds: 8 * 3600,
      corsOrigins: ['app://hotline-desk', 'http://localhost:5173'],
      clientDir: '/srv/dist/renderer',
      heartbeatMs: 1000,
      deadlineWatchIntervalMs: 0,
    });
  });

  it.each([
    [{ PORT: 'x' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ SEED_DEMO: 'maybe' }, /SEED_DEMO/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ DATABASE_SCHEMA: 'Robert"); drop' }, /DATABASE_SCHEMA/],
    [{ TOKEN_TTL: 'forever' }, /TOKEN_TTL/],
    [{ TOKEN_TTL: '10s' }, /TOKEN_TTL/],
    [{ CORS_ORIGINS: 'not an origin' }, /CORS_ORIGINS/],
    [{ HEARTBEAT_MS: '60000' }, /HEARTBEAT_MS/],
  ])('refuses %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('parses durations', () => {
    expect(parseDurationSeconds('T', '3600')).toBe(3600);
    expect(parseDurationSeconds('T', '90m')).toBe(5400);
    expect(parseDurationSeconds('T', '7d')).toBe(7 * 86400);
  });
});

describe('loadConfig: branch hub', () => {
  it('is a hub when the three upstream settings are given', () => {
    const c = loadConfig({ UPSTREAM_URL: 'http://central:8787/', UPSTREAM_USERNAME: 'hub.gz', UPSTREAM_PASSWORD: ' secret ' }, '/srv');
    expect(c.upstream).toMatchObject({ url: 'http://central:8787', username: 'hub.gz', password: ' secret ', pollMs: 5000 });
    expect(loadConfig({}, '/srv').upstream).toBeUndefined();
  });

  it('refuses part of the upstream settings or a URL that is not http(s)', () => {
    expect(() => loadConfig({ UPSTREAM_URL: 'http://central:8787' }, '/srv')).toThrow(ConfigError);
    expect(() => loadConfig({ UPSTREAM_URL: 'ftp://central', UPSTREAM_USERNAME: 'h', UPSTREAM_PASSWORD: 'p' }, '/srv')).toThrow(/http/);
  });
});
