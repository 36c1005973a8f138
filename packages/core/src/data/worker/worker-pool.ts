import type { Worker as NodeWorker } from 'node:worker_threads';
import { EventQueue } from './event-queue';
import type { FromWorker, ToWorker, WorkerConfig } from './protocol';

/** @internal Something that happened to a pool's workers. */
export type PoolEvent =
  | { kind: 'message'; workerId: number; msg: FromWorker }
  | { kind: 'error'; workerId: number; error: unknown }
  | { kind: 'exit'; workerId: number; code: number };

/** @internal One worker thread of a pool. */
export interface PoolWorker {
  readonly id: number;
  readonly thread: NodeWorker;
  readonly spawnedAt: number;
  readyAt: number | null;
  exited: boolean;
}

let live = 0;

/** @internal How many DataLoader worker threads are running in this process (for tests and leaks). */
export function liveWorkerCount(): number {
  return live;
}

// The worker's first script: CommonJS (eval). The built runtime (dist/cjs/data-worker.js) is
// required: no ES module loader, no scan of its exports; it then loads TypeScript modules itself
// (module-loading.ts). A TypeScript runtime (the sources, in tests) is imported once tsx's ES
// module hooks are registered.
const BOOTSTRAP = `
const { workerData, parentPort } = require('node:worker_threads');
(async () => {
  let runtime = null;
  if (/\\.c?js$/.test(workerData.runtime) && workerData.runtime.startsWith('file:')) {
    try {
      runtime = require(require('node:url').fileURLToPath(workerData.runtime));
    } catch (e) {
      if (!e || e.code !== 'ERR_REQUIRE_ESM') throw e;
    }
  }
  if (runtime) return runtime.runDataWorker({ commonjs: true });
  if (workerData.tsRuntime && workerData.tsLoader && workerData.tsLoader.esm) (await import(workerData.tsLoader.esm)).register();
  runtime = await import(workerData.runtime);
  await runtime.runDataWorker({ commonjs: false });
})().catch((e) => {
  parentPort.postMessage({ type: 'fatal', phase: 'start-up (loading ' + workerData.runtime + ')', error: { name: (e && e.name) || 'Error', message: String((e && e.message) || e), stack: String((e && e.stack) || '') } });
});
`;

/** @internal The worker threads of one DataLoader (one epoch, or all epochs with persistentWorkers). */
export class WorkerPool {
  readonly workers: PoolWorker[] = [];
  readonly events = new EventQueue<PoolEvent>();
  /** The current epoch; results of older epochs are ignored. */
  epoch = 0;
  /** Set when a worker died, hung or failed to start: the pool cannot be reused. */
  failed = false;
  private closing: Promise<void> | null = null;

  /** Starts one thread per config (they load in the background; tasks queue until ready). */
  static async spawn(configs: readonly WorkerConfig[], env: Record<string, string | undefined>): Promise<WorkerPool> {
    const { Worker } = await import('node:worker_threads');
    const pool = new WorkerPool();
    for (const cfg of configs) {
      const thread = new Worker(BOOTSTRAP, { eval: true, workerData: cfg, env });
      live++;
      const w: PoolWorker = { id: cfg.id, thread, spawnedAt: performance.now(), readyAt: null, exited: false };
      pool.workers.push(w);
      thread.on('message', (msg: FromWorker) => {
        if (msg?.type === 'ready') w.readyAt = performance.now();
        pool.events.push({ kind: 'message', workerId: w.id, msg });
      });
      thread.on('error', (error: unknown) => {
        if (!pool.closing) pool.events.push({ kind: 'error', workerId: w.id, error });
      });
      thread.on('exit', (code: number) => {
        w.exited = true;
        live--;
        if (!pool.closing) pool.events.push({ kind: 'exit', workerId: w.id, code });
      });
    }
    return pool;
  }

  post(workerId: number, msg: ToWorker): void {
    this.workers[workerId].thread.postMessage(msg);
  }

  /** Lets the process exit while the (idle, persistent) workers wait. */
  unref(): void {
    for (const w of this.workers) w.thread.unref();
  }

  ref(): void {
    for (const w of this.workers) w.thread.ref();
  }

  /** Stops every thread and resolves once all have exited. */
  terminate(): Promise<void> {
    this.closing ??= Promise.all(this.workers.map((w) => (w.exited ? undefined : w.thread.terminate()))).then(() => undefined);
    return this.closing;
  }
}
