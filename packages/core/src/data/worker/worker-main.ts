// A DataLoader worker thread's loop. It loads no TensorFlow.js of its own: items that are plain
// values and typed arrays are collated into buffers and transferred, and the main thread makes the
// tensors. The backend starts here only when the worker's data has tensors: tensor arguments, or a
// dataset/collateFn/workerInitFn module that loaded @dl/core (worker-tensors.ts).
import { ValueError } from '../../errors/value-error';
import { manualSeed } from '../../random/generator';
import { collateTree } from '../collate/collate-tree';
import { convertTree } from '../collate/convert-tree';
import type { MapDataset } from '../dataset';
import { iterateDataset, type IterableDatasetLike } from '../iterable-dataset';
import { fetchItems, ItemLoadError } from '../loader/fetch-items';
import { fetchBatch } from '../loader/fetch-batch';
import { isThenable } from '../loader/is-thenable';
import { importModuleExport, instantiateExport, isClass } from '../load-module-export';
import { decodeValue, encodeValue, type Rebuilder, type TensorMarker } from './codec';
import { ModuleLoader } from './module-loading';
import { workerTarget } from './packed';
import { serializeError, type EncodedSpec, type FromWorker, type ToWorker, type WorkerConfig } from './protocol';
import { setWorkerInfo } from './worker-info';

type TensorSide = typeof import('./worker-tensors');

let tensorSide: Promise<TensorSide> | null = null;
let tensorsLoaded = false;

/** The tensor half of the worker, loaded (and the backend started) on first need. */
function tensors(): Promise<TensorSide> {
  tensorSide ??= import('./worker-tensors').then(async (m) => {
    await m.startBackend();
    tensorsLoaded = true;
    return m;
  });
  return tensorSide;
}

/** Whether TensorFlow.js is loaded in this thread (by any copy of @dl/core: they share its engine). */
function tfjsLoaded(): boolean {
  return (globalThis as { _tfengine?: unknown })._tfengine != null;
}

/** Starts the backend if a module just loaded @dl/core, before anything makes a tensor with it. */
async function syncBackend(): Promise<void> {
  if (!tensorsLoaded && tfjsLoaded()) await tensors();
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

interface Port {
  postMessage(value: FromWorker, transfer?: readonly ArrayBuffer[]): void;
  on(event: 'message', listener: (value: ToWorker) => void): void;
}

function noFileUrls(path: string): string {
  throw new ValueError(`DataLoader worker: cannot send a module path (${path}) back to the main thread`);
}

const rebuild: Rebuilder = { instance: buildObject, function: loadCallable, tensor: async (m: TensorMarker) => (await tensors()).tensorFromMarker(m) };

let modules: ModuleLoader | null = null;

async function importExport(spec: EncodedSpec): Promise<unknown> {
  const loader = modules;
  const exp = await importModuleExport(spec, 'DataLoader worker', loader ? (href) => loader.load(href) : undefined);
  await syncBackend();
  return exp;
}

async function buildObject(spec: EncodedSpec, path: string): Promise<unknown> {
  const exp = await importExport(spec);
  const args = (await decodeValue(spec.args, `${path} args`, rebuild)) as unknown[];
  return instantiateExport(exp, args, `${spec.export} from ${spec.module}`, 'DataLoader worker');
}

async function loadFunction(spec: EncodedSpec, role: string): Promise<(...args: unknown[]) => unknown> {
  const fn = await importExport(spec);
  if (typeof fn !== 'function') throw new ValueError(`${role}: export '${spec.export}' of ${spec.module} is not a function (got ${typeof fn})`);
  const extra = (await decodeValue(spec.args, `${role} args`, rebuild)) as unknown[];
  return (...args: unknown[]) => (fn as (...a: unknown[]) => unknown)(...args, ...extra);
}

/** A function export, or a callable instance of a class export (a transform whose workerSpec names its class). */
async function loadCallable(spec: EncodedSpec, role: string): Promise<unknown> {
  const exp = await importExport(spec);
  return isClass(exp) ? buildObject(spec, role) : loadFunction(spec, role);
}

/**
 * @internal The loop of one DataLoader worker thread, started by the pool's bootstrap code, which
 * says whether it `require`d this runtime (the CommonJS build) or imported it.
 */
export async function runDataWorker(options: { commonjs?: boolean } = {}): Promise<void> {
  const { parentPort, workerData } = await import('node:worker_threads');
  const cfg = workerData as WorkerConfig;
  modules = new ModuleLoader({ commonjs: options.commonjs === true, tsLoader: cfg.tsLoader, hooks: cfg.tsRuntime });
  const port = parentPort as unknown as Port;
  const inbox: ToWorker[] = [];
  let wake: (() => void) | null = null;
  port.on('message', (m) => {
    inbox.push(m);
    const w = wake;
    wake = null;
    w?.();
  });

  let phase = 'start-up';
  let dataset: unknown;
  let built = false;
  let collate: (items: unknown) => unknown;
  try {
    manualSeed(cfg.seed);
    setWorkerInfo({
      id: cfg.id,
      numWorkers: cfg.numWorkers,
      seed: cfg.seed,
      get dataset(): unknown {
        if (!built) throw new ValueError('getWorkerInfo().dataset: the dataset is still being built in this worker');
        return dataset;
      },
    });
    phase = `building the dataset (${cfg.datasetText})`;
    dataset = await buildObject(cfg.dataset, 'dataset');
    // A folder dataset (VisionDataset) reads its files in an async prepare(), as the main thread did.
    const prepare = (dataset as { prepare?: unknown }).prepare;
    if (typeof prepare === 'function') {
      phase = `preparing the dataset (${cfg.datasetText})`;
      await prepare.call(dataset);
    }
    built = true;
    const c = cfg.collate;
    if (c.mode === 'module') {
      phase = `loading collateFn (${c.text})`;
      const fn = await loadFunction(c.spec, 'collateFn');
      collate = (items) => fn(items);
    } else if (c.mode === 'items') {
      collate = (items) => items;
    } else {
      collate = cfg.autoCollation ? (items) => collateTree(items as unknown[], workerTarget) : (item) => convertTree(item, workerTarget);
    }
    if (cfg.initFn) {
      phase = `running workerInitFn (${cfg.initFn.text})`;
      const init = await loadFunction(cfg.initFn.spec, 'workerInitFn');
      await init(cfg.id);
    }
    phase = `starting the backend for ${cfg.datasetText}`;
    await syncBackend();
  } catch (e) {
    port.postMessage({ type: 'fatal', phase, error: serializeError(e) });
    return;
  }
  port.postMessage({ type: 'ready' });
  const gather = cfg.collate.mode === 'default' && cfg.autoCollation && !cfg.iterable;

  const send = (epoch: number, seq: number, value: unknown): void => {
    const transfer = new Set<ArrayBuffer>();
    const data = encodeValue(value, 'the batch', { transfer, toFileUrl: noFileUrls });
    port.postMessage({ type: 'result', epoch, seq, data }, [...transfer]);
  };
  const fail = (epoch: number, seq: number, e: unknown): void => {
    const index = e instanceof ItemLoadError ? e.index : null;
    port.postMessage({ type: 'error', epoch, seq, index, error: serializeError(e instanceof ItemLoadError ? e.original : e) });
  };

  let stream: Iterator<unknown> | AsyncIterator<unknown> | null = null;
  let streamEpoch = -1;
  let streamDone = false;
  let streamError: unknown = null;
  const nextBatch = async (): Promise<unknown[] | null> => {
    if (stream === null || streamDone) return null;
    const want = cfg.autoCollation ? (cfg.batchSize ?? 1) : 1;
    const items: unknown[] = [];
    while (items.length < want) {
      const step = stream.next();
      const r = isThenable<IteratorResult<unknown>>(step) ? await step : step;
      if (r.done) {
        streamDone = true;
        break;
      }
      items.push(r.value);
    }
    if (items.length === 0 || (streamDone && cfg.dropLast && cfg.autoCollation && items.length < want)) return null;
    return items;
  };

  for (;;) {
    while (inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    const msg = inbox.shift() as ToWorker;
    if (msg.type === 'task') {
      try {
        // A TensorDataset (or a Subset of one) makes the whole batch with one gather per tensor.
        const gathered = gather ? fetchBatch(dataset as MapDataset<unknown>, msg.indices, true) : undefined;
        if (gathered !== undefined) {
          send(msg.epoch, msg.seq, gathered);
        } else {
          const r = fetchItems(dataset as MapDataset<unknown>, msg.indices, cfg.concurrency, true);
          const items = isThenable<unknown[]>(r) ? await r : r;
          send(msg.epoch, msg.seq, collate(cfg.autoCollation ? items : items[0]));
        }
      } catch (e) {
        fail(msg.epoch, msg.seq, e);
      }
    } else if (msg.type === 'iter') {
      streamEpoch = msg.epoch;
      streamDone = false;
      streamError = null;
      try {
        if (stream) await stream.return?.();
        stream = iterateDataset(dataset as IterableDatasetLike<unknown>);
      } catch (e) {
        stream = null;
        streamError = e;
      }
    } else if (msg.type === 'next') {
      try {
        if (streamError !== null) {
          const e = streamError;
          streamError = null;
          streamDone = true;
          throw e;
        }
        const items = msg.epoch === streamEpoch ? await nextBatch() : null;
        if (items === null) port.postMessage({ type: 'end', epoch: msg.epoch, seq: msg.seq });
        else send(msg.epoch, msg.seq, collate(cfg.autoCollation ? items : items[0]));
      } catch (e) {
        fail(msg.epoch, msg.seq, e);
      }
    }
    // One macrotask turn per batch, so tensors the dataset made are freed as the worker runs.
    if (tensorsLoaded) await (await tensors()).tensorTick();
    else await nextTurn();
  }
}
