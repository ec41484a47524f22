import { defaultPolicy } from '../../shared/policy/policy';
import { login, pullAll, type Session } from '../../bench/lib/api-client';
import { createRng } from '../fixtures/rng';
import { makePlan, type ClientPlan, type Step } from './chaos-plan';
import { HUB_BRANCH, OTHER_BRANCH } from './hub-plan';
import { HUB_ACCOUNT, HUB_ACCOUNT_PASSWORD, startHubSite, type HubSite } from './hub-site';
import { foreignRowsOnHub, hubSnapshot } from './hub-snapshot';
import { awaitConvergence, withTimeout } from './seed-support';
import { killSwitch, logInWorkstations, runSeed, runSteps, startWorkstations, type ChaosOptions, type SeedResult } from './seed-run';
import { verifyConvergence, type ClientState } from './verify-convergence';

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
  const stats = { hubKills: 0, hubKillsMidPush: 0, hubRestarts: 0, wanCuts: 0, lanCuts: 0, writes: 0, offline: 0, duplicated: 0, replayed: 0 };
  let site: HubSite | null = null;
  return runSeed(
    { seed, started, stats },
    async (run) => {
      const s = await run.timed('serversStart', () => startHubSite({ verbose: options.verbose, onHubStarted: () => (run.stats.hubRestarts = (run.stats.hubRestarts ?? 0) + 1) }));
      site = s;
      const urlOf = (c: ClientPlan) => (c.site === 'hub' ? s.lan.url : s.central.url);
      const sessions = await logInWorkstations(plan, urlOf);
      // Central's view of each workstation's user: what that workstation must end up holding.
      const atCentral = await logInWorkstations(plan, () => s.central.url);
      const director = await login(s.central.url, 'director');
      const hubAccount = await login(s.central.url, HUB_ACCOUNT, HUB_ACCOUNT_PASSWORD);
      const gzUserIds = [...new Set(sessions.filter((x) => x.user.branchId === HUB_BRANCH).map((x) => x.user.id))].sort();
      const kill = killSwitch({
        steps: { arm: 'kill-hub-during-next-push', restart: 'restart-hub' },
        counts: { kills: 'hubKills', midPush: 'hubKillsMidPush' },
        rng,
        stats: run.stats,
        alive: () => s.hub() !== null,
        kill: () => s.killHub(),
        start: () => s.restartHub(),
      });
      // Only a push to the hub can be the one its kill waits for.
      const onPushSent = (c: ClientPlan) => c.site === 'hub' && kill.pushSent();
      await run.timed('clientsStart', () => startWorkstations(run, { plan, runId, sessions, urlOf, onPushSent }));
      const branchOf = (client: number) => ((sessions[client] as Session).user.branchId === OTHER_BRANCH ? OTHER_BRANCH : HUB_BRANCH);
      const siteStep = (step: Step) => {
        if (step.kind === 'wan-cut') {
          s.wan.cut();
          run.stats.wanCuts = (run.stats.wanCuts ?? 0) + 1;
        } else if (step.kind === 'wan-restore') s.wan.restore();
        else if (step.kind === 'lan-cut') {
          s.lan.cut();
          run.stats.lanCuts = (run.stats.lanCuts ?? 0) + 1;
        } else if (step.kind === 'lan-restore') s.lan.restore();
        else return false;
        return true;
      };
      let hubSessions: Session[] = [];
      const written = await run.timed('steps', () => runSteps({ seed, plan, run, rng, numberTag: 'H', userIds: gzUserIds, branchOf, transferTargets: TRANSFERS, killSwitch: kill, siteStep }));

      const verdict = await run.timed('converge', async () => {
        // Heal: both links back, the hub up, every workstation online; then wait for quiet.
        await kill.heal();
        s.wan.restore();
        s.lan.restore();
        for (const c of run.clients) await c.setOnline(true);
        hubSessions = await Promise.all(['supervisor.gz', ...new Set(plan.clients.filter((c) => c.site === 'hub').map((c) => c.username))].map((u) => login(s.lan.url, u)));
        return awaitConvergence({ verify: settleAndVerify, timeoutMs: options.convergeTimeoutMs ?? 60_000, ...run });
      });
      if (verdict.problems.length === 0) {
        // The hub's files, read once it stopped: nothing of another branch.
        const elsewhere = Object.entries(verdict.branchOf).filter(([, b]) => b !== HUB_BRANCH).map(([id]) => id);
        const hub = s.hub();
        await hub?.stop();
        run.problems.push(...(await foreignRowsOnHub(s.hubDataDir, HUB_BRANCH, elsewhere)));
      }

      async function settleAndVerify() {
        const up = await s.hubHealth();
        const hubProblems = up === null ? ['hub: not answering'] : !up.connected ? ['hub: not connected to central'] : up.pendingUp > 0 ? [`hub: ${up.pendingUp} event(s) not yet decided by central`] : [];
        await Promise.all(run.clients.map((c) => withTimeout(c.settle(20_000), 30_000, `client ${c.index} settle`)));
        const states: ClientState[] = [];
        for (const c of run.clients) {
          const session = atCentral[c.index] as Session;
          // A branch user's projections are compared for the complaints in their branch now, wherever they sync: of a
          // complaint that left, a workstation keeps what its branch saw (the feed carries the new branch's events no
          // longer), at the hub as at central.
          const branchId = session.user.branchId;
          states.push({ index: c.index, session, snapshot: await c.snapshot(), ...(branchId ? { scope: { branchId, strict: false } } : {}) });
        }
        const complaintIds = [...new Set((await pullAll(s.central.url, director.token, 1000)).map((e) => e.complaintId))];
        states.push({ index: -1, label: 'hub', session: hubAccount, snapshot: await hubSnapshot(s.lan.url, hubSessions, complaintIds), scope: { branchId: HUB_BRANCH, strict: true } });
        const v = await verifyConvergence(s.central.url, director, states, written);
        return { ...v, problems: [...hubProblems, ...v.problems] };
      }
    },
    async () => {
      await (site as HubSite | null)?.close().catch(() => undefined);
    },
  );
}
