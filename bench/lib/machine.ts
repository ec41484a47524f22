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
  return [
    `CPU: ${cpus[0]?.model ?? 'unknown'} × ${cpus.length} (os.availableParallelism ${os.availableParallelism()})`,
    `Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `OS: ${os.type()} ${os.release()} ${os.arch()}`,
    `Node: ${process.version}`,
    `Chromium: ${chromium}`,
  ].join('\n');
}
