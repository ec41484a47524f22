// Loads a TypeScript worker entry through tsx: a worker thread does not inherit the parent's loader.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
