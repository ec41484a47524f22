import os from 'node:os';
import { execFileSync } from 'node:child_process';

/** The facts of the machine a result was measured on, printed with every run. */
export function machineDescription(): string {
  const cpus = os.cpus();
  let chromium = 'absent';
  try {
    chromium = execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // not installed here
  }
  let code = 'unknown';
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
    code = `${head}${dirty ? ' with uncommitted changes' : ''}`;
  } catch {
    // not a git checkout
  }
  return [
    `Code: commit ${code}`,
    `CPU: ${cpus[0]?.model ?? 'unknown'} × ${cpus.length} (os.availableParallelism ${os.availableParallelism()})`,
    `Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `OS: ${os.type()} ${os.release()} ${os.arch()}`,
    `Node: ${process.version}`,
    // The machine may be shared: a load average near or above the core count means the numbers are pessimistic.
    `Load average at start (1/5/15 min): ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}`,
    `Chromium: ${chromium}`,
  ].join('\n');
}
