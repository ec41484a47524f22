import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

const bootstrap = new URL('./ts-worker-bootstrap.mjs', import.meta.url);

/** Starts a worker thread running a TypeScript file; `data` reaches it as workerData (with `entry`). */
export function startTsWorker(entryPath: string, data: Record<string, unknown> = {}): Worker {
  return new Worker(bootstrap, { workerData: { ...data, entry: pathToFileURL(entryPath).href } });
}
