/**
 * `npm run chaos -- --seeds 200` runs seeds 1..200; `--seed 17` reproduces one.
 * Options: --clients N (4), --steps N (80), --kills N (1), --postgres (run the
 * server on DATABASE_URL instead of embedded PGlite), --verbose.
 * `--hub`: workstations on a branch hub and on central at once, with WAN and
 * LAN cuts and hub SIGKILLs (--kills counts the hub's; --postgres does not apply).
 * Ends with `N passed, N failed`; exits non-zero when any seed failed.
 */
import { parseBenchArgs } from '../../bench/lib/args';
import { databaseUrl } from '../../server/test-support/pg-schema';
import { runChaosSeed, type ChaosOptions } from './run-chaos-seed';
import { runHubChaosSeed } from './run-hub-chaos-seed';

async function main(): Promise<void> {
  const args = parseBenchArgs();
  const single = args.flags.get('seed');
  const count = Number(args.flags.get('seeds') ?? '20');
  const first = Number(args.flags.get('from') ?? '1');
  const seeds = single !== undefined ? [Number(single)] : Array.from({ length: count }, (_, i) => first + i);
  const hub = args.flags.get('hub') === 'true';
  const options: ChaosOptions = {
    clients: Number(args.flags.get('clients') ?? (hub ? '6' : '4')),
    steps: Number(args.flags.get('steps') ?? '80'),
    kills: Number(args.flags.get('kills') ?? '1'),
    verbose: args.flags.get('verbose') === 'true',
    ...(args.flags.get('postgres') === 'true' && !hub ? { databaseUrl: databaseUrl() } : {}),
  };
  console.log(`chaos: ${seeds.length} seed(s), ${options.clients} clients, ${options.steps} steps, ${options.kills} kill(s), ${hub ? 'central and a branch hub' : 'server'} on ${options.databaseUrl ? 'PostgreSQL' : 'PGlite'}`);
  let passed = 0;
  let failed = 0;
  for (const seed of seeds) {
    const r = await (hub ? runHubChaosSeed : runChaosSeed)(seed, options);
    const stats = Object.entries(r.stats).map(([k, v]) => `${k}=${v}`).join(' ');
    console.log(`seed ${seed}: ${r.ok ? 'ok' : 'FAILED'} in ${(r.ms / 1000).toFixed(1)} s (${stats})`);
    if (r.ok) passed++;
    else {
      failed++;
      for (const p of r.problems) console.log(`  - ${p}`);
      console.log(`  reproduce: npm run chaos -- --seed ${seed} --clients ${options.clients} --steps ${options.steps} --kills ${options.kills}${hub ? ' --hub' : ''}${options.databaseUrl ? ' --postgres' : ''}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  // Closed RxDB instances can leave timers behind; the verdict is in, so leave now.
  process.exit(failed > 0 ? 1 : 0);
}

// Interrupted: exit normally so child servers are reaped by their exit hooks.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

void main();
