// Starts a TypeScript worker entry under tsx (Node 20 cannot load .ts in a worker by itself).
// Benchmarks, and integration tests of code that starts workers: the app's build bundles its workers.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
