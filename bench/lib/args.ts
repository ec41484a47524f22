/** `--quick`, `--runs 5`, `--only name`: the flags every benchmark understands. */
export interface BenchArgs {
  quick: boolean;
  runs: number | undefined;
  only: string[];
  flags: Map<string, string>;
}

export function parseBenchArgs(argv: readonly string[] = process.argv.slice(2)): BenchArgs {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) continue;
    const [key, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const nextArg = argv[i + 1];
    if (inline !== undefined) flags.set(key, inline);
    else if (nextArg !== undefined && !nextArg.startsWith('--')) {
      flags.set(key, nextArg);
      i++;
    } else flags.set(key, 'true');
  }
  const runs = flags.get('runs');
  return {
    quick: flags.get('quick') === 'true' || process.env.BENCH_QUICK === '1',
    runs: runs === undefined ? undefined : Number(runs),
    only: (flags.get('only') ?? '').split(',').filter((s) => s.length > 0),
    flags,
  };
}
