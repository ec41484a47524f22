import { afterAll, beforeAll } from 'vitest';
import type { HotlineServer } from '../app';
import type { ServerConfig } from '../config';
import { ApiClient, startTestServer, type LoggedInUser, type StorageKind, type TestServer } from './harness';

export type SignedIn = { token: string; user: LoggedInUser };

/** The server of one describe block, a client for it, and the demo users it signed in. */
export interface SuiteServer {
  /** Throws when read before the block's beforeAll has started the server. */
  readonly server: HotlineServer;
  readonly schema: string | undefined;
  readonly api: ApiClient;
  /** One of the `logins`, signed in before the block's tests. */
  as(username: string): SignedIn;
}

export interface SuiteServerOptions {
  config?: Partial<ServerConfig>;
  /** Demo users to sign in once the server is up (password demo1234). */
  logins?: string[];
}

/**
 * Starts a test server before the block's tests and cleans it up after them
 * (registering the beforeAll and afterAll where it is called), so each test
 * file states only what its own setup adds: `const t = suiteServer(storage)`.
 * Hooks the file registers later run after this start, and their afterAll
 * before this cleanup.
 */
export function suiteServer(storage: StorageKind, options: SuiteServerOptions = {}): SuiteServer {
  let started: TestServer | undefined;
  const signedIn = new Map<string, SignedIn>();
  const current = (): TestServer => {
    if (!started) throw new Error('the suite server is read before its beforeAll started it');
    return started;
  };
  const api = new ApiClient(() => current().server);
  beforeAll(async () => {
    started = await startTestServer(storage, options.config);
    for (const name of options.logins ?? []) signedIn.set(name, await api.login(name));
  });
  afterAll(async () => started?.cleanup());
  return {
    get server() {
      return current().server;
    },
    get schema() {
      return current().schema;
    },
    api,
    as(username) {
      const who = signedIn.get(username);
      if (!who) throw new Error(`${username} is not among the suite's logins`);
      return who;
    },
  };
}
