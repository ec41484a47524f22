/**
 * `npm run bench` (full) and `npm run bench:quick` (smaller data, fewer runs):
 * runs the benchmarks one after another, printing the machine, the command
 * and each benchmark's tables in Markdown, then the goals met and not met.
 * `--only sync,queries,push,propagation,hub,at-rest,typing` picks some (queries also measures
 * the client's memory and cold start).
 */
import { parseBenchArgs } from './lib/args';
import { goalLines, type BenchResult } from './lib/bench-result';
import { machineDescription } from './lib/machine';
import type { BenchArgs } from './lib/args';

type Bench = (args: BenchArgs) => Promise<BenchResult>;

const BENCHES: Record<string, () => Promise<Bench>> = {
  sync: async () => (await import('./initial-sync')).runInitialSync,
  queries: async () => (await import('./local-queries/run-local-queries')).runLocalQueries,
  push: async () => (await import('./push-pull-postgres')).runPushPullPostgres,
  propagation: async () => (await import('./propagation')).runPropagation,
  hub: async () => (await import('./hub-relay')).runHubRelay,
  'at-rest': async () => (await import('./at-rest/run-at-rest')).runAtRest,
  typing: async () => (await import('./intake-typing/run-intake-typing')).runIntakeTyping,
};

async function main(): Promise<void> {
  const args = parseBenchArgs();
  const names = args.only.length > 0 ? args.only : Object.keys(BENCHES);
  const unknown = names.filter((n) => !(n in BENCHES));
  if (unknown.length > 0) throw new Error(`unknown benchmark(s) ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
  console.log(`# Hotline Desk benchmarks (${args.quick ? 'quick' : 'full'})\n`);
  console.log(`Command: ${['npx tsx bench/run.ts', ...process.argv.slice(2)].join(' ')}`);
  console.log(`Date: ${new Date().toISOString()}\n`);
  console.log(machineDescription());
  const results: BenchResult[] = [];
  let failed = 0;
  for (const name of names) {
    const load = BENCHES[name] as () => Promise<Bench>;
    const started = performance.now();
    try {
      const result = await (await load())(args);
      results.push(result);
      console.log(`\n## ${result.title}\n`);
      for (const section of result.sections) console.log(`${section}\n`);
      console.log(goalLines(result.goals));
      console.log(`\n(${name}: ${((performance.now() - started) / 1000).toFixed(0)} s)`);
    } catch (err) {
      failed++;
      console.log(`\n## ${name}: FAILED\n\n${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
  }
  const goals = results.flatMap((r) => r.goals);
  console.log(`\n## Goals\n\n${goalLines(goals)}`);
  console.log(`\n${goals.filter((g) => g.met).length} goals met, ${goals.filter((g) => !g.met).length} not met, ${failed} benchmark(s) failed to run`);
  process.exitCode = failed > 0 ? 1 : 0;
}

// Interrupted: exit normally so child servers are reaped by their exit hooks.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

void main();
