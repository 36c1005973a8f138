import { ValueError } from '../../errors/value-error';
import { getBackend } from '../../backend/backend';
import { tf } from '../../backend/tfjs';
import { tick } from '../../memory/collect';
import { Tensor } from '../../tensor/tensor';
import type { LoaderPlan, PoolHolder } from '../loader/loader-plan';
import { decodeBatch, type TensorMarker } from './codec';
import type { FromWorker } from './protocol';
import { buildWorkerConfigs } from './worker-configs';
import { exitError, fatalError, taskError, timeoutError } from './worker-failures';
import { WorkerPool } from './worker-pool';

const STARTUP_GRACE_MS = 60_000;

// A persistent pool whose DataLoader was garbage collected is stopped.
const orphanedPools = new FinalizationRegistry<WorkerPool>((pool) => {
  void pool.terminate();
});

interface Task {
  workerId: number;
  indices: number[];
}

type Done = Extract<FromWorker, { type: 'result' | 'error' | 'end' }>;

/** A batch tensor from a worker: its transferred buffer becomes the Tensor's (no copy on cpu). */
function tensorFromMarker(m: TensorMarker): Tensor {
  return Tensor._owned(tf.tensor(m.data, m.shape, m.dtype));
}

function workerEnv(): Record<string, string | undefined> {
  let backend: string | undefined;
  try {
    backend = getBackend();
  } catch {
    backend = process.env.DL_BACKEND;
  }
  // Workers compute on the main thread's backend, so items come out the same with or without them.
  return backend ? { ...process.env, DL_BACKEND: backend } : { ...process.env };
}

/** Waits for the next event that concerns this epoch, throwing on failures and timeouts. */
async function pump(pool: WorkerPool, epoch: number, plan: LoaderPlan, tasks: Map<number, Task>, done: Map<number, Done>, waitingFor: number, waitStart: number): Promise<void> {
  const task = tasks.get(waitingFor) as Task;
  const w = pool.workers[task.workerId];
  let deadline: number | null = null;
  if (plan.timeout > 0) deadline = w.readyAt === null ? w.spawnedAt + Math.max(plan.timeout, STARTUP_GRACE_MS) : Math.max(w.readyAt, waitStart) + plan.timeout;
  const ev = await pool.events.next(deadline === null ? null : Math.max(0, deadline - performance.now()));
  if (pool.epoch !== epoch) return;
  if (ev === null) {
    // The worker may have become ready meanwhile, which moves the deadline.
    const now = performance.now();
    const moved = w.readyAt !== null && Math.max(w.readyAt, waitStart) + plan.timeout > now;
    if (moved) return;
    pool.failed = true;
    throw timeoutError(task.workerId, plan.timeout, waitingFor, plan.iterable ? null : task.indices, w.readyAt === null);
  }
  const busyWith = (workerId: number) => {
    for (const [seq, t] of [...tasks].sort((a, b) => a[0] - b[0])) if (t.workerId === workerId && !done.has(seq)) return { seq, indices: t.indices };
    return null;
  };
  if (ev.kind === 'exit') {
    pool.failed = true;
    throw exitError(ev.workerId, ev.code, null, busyWith(ev.workerId));
  }
  if (ev.kind === 'error') {
    pool.failed = true;
    throw exitError(ev.workerId, null, ev.error, busyWith(ev.workerId));
  }
  const msg = ev.msg;
  if (msg.type === 'fatal') {
    pool.failed = true;
    throw fatalError(ev.workerId, msg.phase, msg.error);
  }
  if (msg.type === 'ready') return;
  if (msg.epoch === epoch) done.set(msg.seq, msg);
}

async function* loop(plan: LoaderPlan, pool: WorkerPool, epoch: number): AsyncGenerator<unknown, void, undefined> {
  const n = plan.numWorkers;
  const tasks = new Map<number, Task>();
  const done = new Map<number, Done>();
  const active = new Set<number>(Array.from({ length: n }, (_, i) => i));
  let sendIdx = 0;
  let rcvdIdx = 0;
  let cycle = 0;
  let exhausted = false;
  const source = plan.iterable ? null : (plan.indexSource as Iterable<readonly number[] | number>)[Symbol.iterator]();
  if (plan.iterable) for (let id = 0; id < n; id++) pool.post(id, { type: 'iter', epoch });

  const put = (): void => {
    if (exhausted) return;
    let workerId = -1;
    for (let k = 0; k < n; k++) {
      const candidate = cycle++ % n;
      if (active.has(candidate)) {
        workerId = candidate;
        break;
      }
    }
    if (workerId < 0) return;
    if (source) {
      const step = source.next();
      if (step.done) {
        exhausted = true;
        return;
      }
      const indices = plan.autoCollation ? Array.from(step.value as readonly number[]) : [step.value as number];
      pool.post(workerId, { type: 'task', epoch, seq: sendIdx, indices });
      tasks.set(sendIdx++, { workerId, indices });
    } else {
      pool.post(workerId, { type: 'next', epoch, seq: sendIdx });
      tasks.set(sendIdx++, { workerId, indices: [] });
    }
  };

  for (let k = 0; k < plan.prefetchFactor * n; k++) put();
  let waitStart = performance.now();
  while (rcvdIdx < sendIdx) {
    if (pool.epoch !== epoch) throw new ValueError('DataLoader: this iterator was superseded by a newer one (persistentWorkers share one set of workers)');
    const msg = done.get(rcvdIdx);
    if (!msg) {
      await pump(pool, epoch, plan, tasks, done, rcvdIdx, waitStart);
      continue;
    }
    const task = tasks.get(rcvdIdx) as Task;
    done.delete(rcvdIdx);
    tasks.delete(rcvdIdx);
    rcvdIdx++;
    if (msg.type === 'end') {
      active.delete(task.workerId);
      put();
      continue;
    }
    put();
    if (msg.type === 'error') throw taskError(task.workerId, msg.seq, msg.index, task.indices, msg.error);
    const batch = decodeBatch(msg.data, tensorFromMarker);
    yield plan.collateMode === 'function' && plan.collate ? plan.collate(batch) : batch;
    await tick();
    waitStart = performance.now();
  }
}

/** @internal `for await` over a DataLoader with worker threads: batches in sampler order. */
export async function* iterateWithWorkers(plan: LoaderPlan, holder: PoolHolder, drawBaseSeed: () => number): AsyncGenerator<unknown, void, undefined> {
  let pool = holder.pool as WorkerPool | null;
  if (pool?.failed) {
    await pool.terminate();
    holder.pool = pool = null;
  }
  if (!pool) {
    const configs = buildWorkerConfigs(plan, drawBaseSeed());
    pool = await WorkerPool.spawn(configs, workerEnv());
    if (plan.persistentWorkers) {
      holder.pool = pool;
      orphanedPools.register(holder, pool, holder);
    }
  }
  pool.ref();
  const epoch = ++pool.epoch;
  // An older iterator still waiting on this pool wakes up and reports it was superseded.
  pool.events.interrupt();
  try {
    yield* loop(plan, pool, epoch);
  } finally {
    if (!plan.persistentWorkers || pool.failed) {
      if (holder.pool === pool) {
        holder.pool = null;
        orphanedPools.unregister(holder);
      }
      await pool.terminate();
    } else if (pool.epoch === epoch) {
      pool.unref();
    }
  }
}

/** @internal Stops a DataLoader's persistent workers. */
export async function closePool(holder: PoolHolder): Promise<void> {
  const pool = holder.pool as WorkerPool | null;
  holder.pool = null;
  orphanedPools.unregister(holder);
  if (pool) await pool.terminate();
}
