import { spawn, type ChildProcess } from 'node:child_process';

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunningChild {
  readonly name: string;
  readonly process: ChildProcess;
  readonly exited: Promise<ChildExit>;
  /** True once the child has exited. */
  hasExited(): boolean;
}

export interface StartOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  /**
   * Run the child in its own process group (POSIX), so a signal reaches the
   * whole tree under it (npm → tsx → node) and the terminal's Ctrl+C reaches
   * only us, who forward it once, in order.
   */
  ownGroup?: boolean;
}

export function startChild(name: string, command: string, args: readonly string[], options: StartOptions = {}): RunningChild {
  const grouped = options.ownGroup === true && process.platform !== 'win32';
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env as NodeJS.ProcessEnv | undefined,
    stdio: 'inherit',
    detached: grouped,
  });
  let done = false;
  const exited = new Promise<ChildExit>((resolve) => {
    child.once('exit', (code, signal) => {
      done = true;
      resolve({ code, signal });
    });
    child.once('error', () => {
      done = true;
      resolve({ code: 127, signal: null });
    });
  });
  const running: RunningChild = { name, process: child, exited, hasExited: () => done };
  groupOf.set(running, grouped);
  return running;
}

const groupOf = new WeakMap<RunningChild, boolean>();

export function signalChild(running: RunningChild, signal: NodeJS.Signals): void {
  if (running.hasExited() || running.process.pid === undefined) return;
  try {
    if (groupOf.get(running) === true) process.kill(-running.process.pid, signal);
    else running.process.kill(signal);
  } catch {
    // Already gone between the check and the kill.
  }
}

/** Asks the child to stop, and insists after the grace period. */
export async function stopChild(running: RunningChild, signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<ChildExit> {
  if (running.hasExited()) return running.exited;
  signalChild(running, signal);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), graceMs);
  });
  const first = await Promise.race([running.exited, timeout]);
  clearTimeout(timer);
  if (first !== 'timeout') return first;
  signalChild(running, 'SIGKILL');
  return running.exited;
}

/** Runs a command to completion and returns its exit code (signals count as failure). */
export async function runCommand(name: string, command: string, args: readonly string[], options: StartOptions = {}): Promise<number> {
  const exit = await startChild(name, command, args, options).exited;
  return exit.code ?? 1;
}
