import type { UpstreamConfig } from '../config';
import { ApiClient, startTestServer, TEST_DEFAULTS, type StorageKind, type TestServer } from './harness';

export const HUB_PASSWORD = 'branch-hub-password-1';

/** Creates the hub account of a branch on central through the admin API. */
export async function createHubAccount(central: ApiClient, branchId: string, username = `hub.${branchId}`): Promise<string> {
  const admin = await central.login('admin');
  const res = await central.request('POST', '/api/admin/users', {
    token: admin.token,
    body: { username, password: HUB_PASSWORD, role: 'hub', branchId },
  });
  if (res.status !== 201) throw new Error(`creating ${username} → ${res.status} ${res.body}`);
  return username;
}

/** The upstream settings of a hub of `username` at `url`; the link only runs when a test says so (long poll). */
export function upstreamConfig(url: string, username: string, overrides: Partial<UpstreamConfig> = {}): UpstreamConfig {
  return { url, username, password: HUB_PASSWORD, pollMs: 3_600_000, timeoutMs: 3000, retryMaxMs: 1000, ...overrides };
}

/** A hub server (empty, in memory, on PGlite) for `upstream`. */
export function startTestHub(upstream: UpstreamConfig): Promise<TestServer> {
  return startTestServer('pglite', { ...TEST_DEFAULTS, seedDemo: false, upstream });
}

/** A demo central server listening on a free port, with a hub account for `branchId`. */
export async function startCentral(storage: StorageKind, branchId = 'gz') {
  const central = await startTestServer(storage);
  const url = await central.server.listen();
  const api = new ApiClient(central.server);
  const hubUser = await createHubAccount(api, branchId);
  return { central, url, api, hubUser };
}
