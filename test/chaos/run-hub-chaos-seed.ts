import { defaultPolicy } from '../../shared/policy/policy';
import { login, pullAll, type Session } from '../../bench/lib/api-client';
import { createRng } from '../fixtures/rng';
import { nodeIdFor } from '../fixtures/fixture-clock';
import { makePlan } from './chaos-plan';
import { startClientThread, type ChaosClientThread } from './chaos-client-thread';
import { applyClientStep } from './client-steps';
import { HUB_BRANCH, OTHER_BRANCH } from './hub-plan';
import { HUB_ACCOUNT, HUB_ACCOUNT_PASSWORD, startHubSite, type HubSite } from './hub-site';
import { foreignRowsOnHub, hubSnapshot } from './hub-snapshot';
import type { ChaosOptions, SeedResult } from './run-chaos-seed';
import { awaitConvergence, sleep, withTimeout } from './seed-support';
import { verifyConvergence, type ClientState, type Written } from './verify-convergence';

const TRANSFERS = { [HUB_BRANCH]: OTHER_BRANCH, [OTHER_BRANCH]: HUB_BRANCH };

/**
 * One seeded hub chaos run: central and a branch hub as processes, the
 * branch's workstations on the hub over a LAN, others on central, real
 * RxDB clients with skewed clocks; the plan cuts the WAN and the LAN, takes
 * workstations offline, tampers with pushes and SIGKILLs the hub during a
 * push. Then every link heals and the checks run with central as the
 * reference: each workstation holds what its user sees at central (a hub's
 * workstations: of the complaints in the hub's branch now), with the same
 * statuses and projections, and so does the hub, which holds nothing of
 * another branch. Never throws for a finding; returns it.
 */
export async function runHubChaosSeed(seed: number, options: ChaosOptions): Promise<SeedResult> {
  const started = Date.now();
  const plan = makePlan(seed, { ...options, hub: true, maxSkewMs: defaultPolicy.sync.hlcMaxSkewMs });
  const rng = createRng(seed ^ 0x5eed);
  const runId = `h${seed}-${Date.now().toString(36)}`;
  const problems: string[] = [];
  const stats: Record<string, number> = { hubKills: 0, hubKillsMidPush: 0, hubRestarts: 0, wanCuts: 0, lanCuts: 0, writes: 0, offline: 0, duplicated: 0, replayed: 0 };
  const phase = (name: string, since: number) => (stats[`${name}Ms`] = Date.now() - since);
  let site: HubSite | null = null;
  const clients: ChaosClientThread[] = [];
  try {
    let t = Date.now();
    site = await startHubSite({ verbose: options.verbose, onHubStarted: () => (stats.hubRestarts = (stats.hubRestarts ?? 0) + 1) });
    const s = site;
    phase('serversStart', t);
    const siteUrl = (where: 'hub' | 'central') => (where === 'hub' ? s.lan.url : s.central.url);
    const sessions: Session[] = [];
    for (const c of plan.clients) sessions.push(await login(siteUrl(c.site), c.username));
    // Central's view of each workstation's user: what that workstation must end up holding.
    const atCentral: Session[] = [];
    for (const c of plan.clients) atCentral.push(await login(s.central.url, c.username));
    const director = await login(s.central.url, 'director');
    const hubAccount = await login(s.central.url, HUB_ACCOUNT, HUB_ACCOUNT_PASSWORD);
    const gzUserIds = [...new Set(sessions.filter((x) => x.user.branchId === HUB_BRANCH).map((x) => x.user.id))].sort();

    let killArmed = false;
    let killing: Promise<void> | null = null;
    const killHub = (midPush: boolean) => {
      if (!s.hub() || killing) return;
      stats.hubKills = (stats.hubKills ?? 0) + 1;
      if (midPush) stats.hubKillsMidPush = (stats.hubKillsMidPush ?? 0) + 1;
      killing = s.killHub();
    };
    const restartHub = async () => {
      if (killing) await killing;
      killing = null;
      await s.restartHub();
    };
    const errors: string[] = [];
    t = Date.now();
    clients.push(
      ...(await Promise.all(
        plan.clients.map((c, i) =>
          startClientThread(
            { index: i, runId, serverUrl: siteUrl(c.site), session: sessions[i] as Session, skewMs: c.skewMs, nodeId: nodeIdFor(`${runId}/${i}`) },
            {
              onPushSent: () => {
                if (!killArmed || c.site !== 'hub') return;
                killArmed = false;
                // Within a few milliseconds of the request leaving: while the hub parses, decides or commits it.
                setTimeout(() => killHub(true), rng.int(0, 8));
              },
              onError: (m) => errors.push(m),
            },
          ),
        ),
      )),
    );
    phase('clientsStart', t);
    const written: Written[] = [];
    let created = 0;

    t = Date.now();
    for (const step of plan.steps) {
      if (await applyClientStep(step, clients, stats)) {
        await sleep(2);
        continue;
      }
      const client = 'client' in step ? (clients[step.client] as ChaosClientThread) : null;
      switch (step.kind) {
        case 'write': {
          created++;
          const session = sessions[step.client] as Session;
          const event = await (client as ChaosClientThread).write({
            actionRoll: step.actionRoll,
            complaintRoll: step.complaintRoll,
            newNumber: `GZ-H${seed}-${step.client}-${created}`,
            payloadSeed: seed * 10_000 + created,
            serial: `SN${rng.hex(10).toUpperCase()}`,
            userIds: gzUserIds,
            branchId: session.user.branchId === OTHER_BRANCH ? OTHER_BRANCH : HUB_BRANCH,
            transferTargets: TRANSFERS,
          });
          if (event) written.push({ clientIndex: step.client, event: event as Written['event'] });
          stats.writes = written.length;
          break;
        }
        case 'wan-cut':
          s.wan.cut();
          stats.wanCuts = (stats.wanCuts ?? 0) + 1;
          break;
        case 'wan-restore':
          s.wan.restore();
          break;
        case 'lan-cut':
          s.lan.cut();
          stats.lanCuts = (stats.lanCuts ?? 0) + 1;
          break;
        case 'lan-restore':
          s.lan.restore();
          break;
        case 'kill-hub-during-next-push':
          killArmed = true;
          break;
        case 'restart-hub':
          // A kill armed but not yet fired (no push came) still happens, at rest.
          if (killArmed) {
            killArmed = false;
            killHub(false);
          }
          await restartHub();
          break;
        case 'pause':
          await sleep(step.ms);
          break;
        case 'kill-server-during-next-push':
        case 'restart-server':
          throw new Error(`${step.kind} is not a hub run's step`);
      }
      await sleep(2);
    }
    phase('steps', t);

    t = Date.now();
    // Heal: both links back, the hub up, every workstation online; then wait for quiet.
    killArmed = false;
    await restartHub();
    s.wan.restore();
    s.lan.restore();
    for (const c of clients) await c.setOnline(true);
    const hubSessions = await Promise.all(['supervisor.gz', ...new Set(plan.clients.filter((c) => c.site === 'hub').map((c) => c.username))].map((u) => login(s.lan.url, u)));
    const verdict = await awaitConvergence({ verify: settleAndVerify, timeoutMs: options.convergeTimeoutMs ?? 60_000, clients, errors, problems, stats });
    phase('converge', t);
    if (verdict.problems.length === 0) {
      // The hub's files, read once it stopped: nothing of another branch.
      const elsewhere = Object.entries(verdict.branchOf).filter(([, b]) => b !== HUB_BRANCH).map(([id]) => id);
      const hub = s.hub();
      await hub?.stop();
      problems.push(...(await foreignRowsOnHub(s.hubDataDir, HUB_BRANCH, elsewhere)));
    }

    async function settleAndVerify() {
      const up = await s.hubHealth();
      const hubProblems = up === null ? ['hub: not answering'] : !up.connected ? ['hub: not connected to central'] : up.pendingUp > 0 ? [`hub: ${up.pendingUp} event(s) not yet decided by central`] : [];
      await Promise.all(clients.map((c) => withTimeout(c.settle(20_000), 30_000, `client ${c.index} settle`)));
      const states: ClientState[] = [];
      for (const c of clients) {
        const where = plan.clients[c.index]?.site;
        states.push({
          index: c.index,
          session: atCentral[c.index] as Session,
          snapshot: await c.snapshot(),
          ...(where === 'hub' ? { scope: { branchId: HUB_BRANCH, strict: false } } : {}),
        });
      }
      const complaintIds = [...new Set((await pullAll(s.central.url, director.token, 1000)).map((e) => e.complaintId))];
      states.push({ index: -1, label: 'hub', session: hubAccount, snapshot: await hubSnapshot(s.lan.url, hubSessions, complaintIds), scope: { branchId: HUB_BRANCH, strict: true } });
      const v = await verifyConvergence(s.central.url, director, states, written);
      return { ...v, problems: [...hubProblems, ...v.problems] };
    }
  } catch (err) {
    problems.push(`run aborted: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`.slice(0, 2000));
  } finally {
    for (const c of clients) await c.close().catch(() => undefined);
    await site?.close().catch(() => undefined);
  }
  return { seed, ok: problems.length === 0, problems, stats, ms: Date.now() - started };
}
