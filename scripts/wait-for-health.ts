import { isHealthy } from './start-plan';

export interface WaitForHealthOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** A reason to give up early (the server process exited), or undefined to keep waiting. */
  giveUp?: () => string | undefined;
  fetchImpl?: typeof fetch;
}

/** Polls GET /health until it answers {"status":"ok"}; rejects with the reason it stopped otherwise. */
export async function waitForHealth(baseUrl: string, options: WaitForHealthOptions): Promise<void> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const interval = options.intervalMs ?? 250;
  const deadline = Date.now() + options.timeoutMs;
  let lastProblem = 'no answer yet';
  for (;;) {
    const reason = options.giveUp?.();
    if (reason !== undefined) throw new Error(reason);
    if (await probeHealth(baseUrl, fetchImpl, (problem) => (lastProblem = problem))) return;
    if (Date.now() >= deadline) throw new Error(`the server did not become healthy within ${Math.round(options.timeoutMs / 1000)} s (${lastProblem})`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** One GET /health; true only for a healthy answer. */
export async function probeHealth(baseUrl: string, fetchImpl: typeof fetch = fetch, onProblem: (problem: string) => void = () => undefined): Promise<boolean> {
  try {
    const response = await fetchImpl(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
    const body: unknown = await response.json().catch(() => undefined);
    if (isHealthy(response.status, body)) return true;
    onProblem(`status ${response.status}`);
    return false;
  } catch (error) {
    onProblem(error instanceof Error ? error.message : String(error));
    return false;
  }
}
