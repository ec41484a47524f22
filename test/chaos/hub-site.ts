import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createHubAccount, hubUpstream, type HubUpstreamHealth } from '../../bench/lib/hub-account';
import { freePort } from '../../bench/lib/free-port';
import { startServerProcess, type ServerProcess } from '../../bench/lib/server-process';
import { startTcpProxy, type TcpProxy } from '../integration/tcp-proxy';
import { pgliteTemplate, sleep, START_TIMEOUT_MS } from './seed-support';

/**
 * The servers of a hub chaos run: central (`npm run server`, demo
 * organisation, PGlite) and a branch hub (`npm run server` with UPSTREAM_*,
 * its own PGlite), each a child process; the WAN between them and the LAN
 * in front of the hub are loopback TCP proxies that reset every connection
 * when cut. The hub restarts on the same port and data, so the LAN proxy
 * and the workstations' addresses outlive it.
 */
export const HUB_ACCOUNT = 'hub.gz';
export const HUB_ACCOUNT_PASSWORD = 'branch-hub-chaos-1';

export interface HubSite {
  central: ServerProcess;
  /** The hub process, or null while it is killed. */
  hub(): ServerProcess | null;
  hubDataDir: string;
  wan: TcpProxy;
  lan: TcpProxy;
  /** SIGKILL of the hub (resolves once it is gone). */
  killHub(): Promise<void>;
  /** Starts the hub again if it is down. */
  restartHub(): Promise<void>;
  hubHealth(): Promise<HubUpstreamHealth | null>;
  close(): Promise<void>;
}

export async function startHubSite(o: { verbose?: boolean; onHubStarted?: () => void }): Promise<HubSite> {
  const centralDir = await mkdtemp(path.join(os.tmpdir(), 'hotline-chaos-central-'));
  const hubDataDir = await mkdtemp(path.join(os.tmpdir(), 'hotline-chaos-hub-'));
  const [demo, empty] = await Promise.all([pgliteTemplate('demo'), pgliteTemplate('empty')]);
  await cp(demo, centralDir, { recursive: true });
  await cp(empty, hubDataDir, { recursive: true });
  const common = { DEADLINE_WATCH_MS: '0', HEARTBEAT_MS: '1000' };
  let central: ServerProcess | null = null;
  let wan: TcpProxy | null = null;
  let lan: TcpProxy | null = null;
  let hub: ServerProcess | null = null;
  const cleanup = async () => {
    await hub?.kill().catch(() => undefined);
    await lan?.close();
    await wan?.close();
    await central?.stop().catch(() => undefined);
    await rm(centralDir, { recursive: true, force: true }).catch(() => undefined);
    await rm(hubDataDir, { recursive: true, force: true }).catch(() => undefined);
  };
  try {
    central = await startServerProcess({ dataDir: centralDir, env: common, verbose: o.verbose, startTimeoutMs: START_TIMEOUT_MS });
    await createHubAccount(central.url, { username: HUB_ACCOUNT, password: HUB_ACCOUNT_PASSWORD, branchId: 'gz' });
    wan = await startTcpProxy(central.port, { reset: true });
    const hubOptions = {
      port: await freePort(),
      dataDir: hubDataDir,
      seedDemo: false,
      verbose: o.verbose,
      startTimeoutMs: START_TIMEOUT_MS,
      env: {
        ...common,
        UPSTREAM_URL: wan.url,
        UPSTREAM_USERNAME: HUB_ACCOUNT,
        UPSTREAM_PASSWORD: HUB_ACCOUNT_PASSWORD,
        UPSTREAM_POLL_MS: '300',
        UPSTREAM_TIMEOUT_MS: '10000',
        UPSTREAM_RETRY_MAX_MS: '500',
      },
    };
    hub = await startServerProcess(hubOptions);
    lan = await startTcpProxy(hub.port, { reset: true });
    const site: HubSite = {
      central,
      hub: () => hub,
      hubDataDir,
      wan,
      lan,
      async killHub() {
        const victim = hub;
        hub = null;
        await victim?.kill();
      },
      async restartHub() {
        if (hub) return;
        hub = await startServerProcess(hubOptions);
        o.onHubStarted?.();
      },
      hubHealth: () => (hub ? hubUpstream(hub.url) : Promise.resolve(null)),
      close: cleanup,
    };
    // The branch's users sign in at the hub with verifiers from its first sync.
    const until = Date.now() + START_TIMEOUT_MS;
    while (!(await site.hubHealth())?.lastSyncAt) {
      if (Date.now() > until) throw new Error(`the hub did not sync with central: ${hub.output().slice(-2000)}`);
      await sleep(100);
    }
    return site;
  } catch (err) {
    await cleanup();
    throw err;
  }
}
