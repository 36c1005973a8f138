import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import '../../index';
import { IndexError } from '../../errors/index-error';
import { ValueError } from '../../errors/value-error';
import { arange } from '../../ops/creation/arange';
import { tensor } from '../../ops/creation/tensor';
import { Generator } from '../../random/generator';
import { Tensor } from '../../tensor/tensor';
import { Dataset } from '../dataset';
import { WorkerError } from '../errors/worker-error';
import { WorkerExitError } from '../errors/worker-exit-error';
import { WorkerTimeoutError } from '../errors/worker-timeout-error';
import { torchData } from '../../../test/support/torch-data';
import { functionFromModule } from '../function-from-module';
import { DataLoader } from '../loader/data-loader';
import { randomSplit } from '../random-split';
import { TensorDataset } from '../tensor-dataset';
import { BrokenInWorkers, FaultyDataset, PreparedRange, ProbeDataset, Scaler, ShardedRange, TransformedRange, type Probe } from '../../../test/support/worker-datasets';
import { dataLoaderWorkerCount } from './worker-count';
import { liveWorkerCount } from './worker-pool';

const fixtures = new URL('../../../test/support/worker-datasets.ts', import.meta.url);

// A dataset module of plain JavaScript that never imports @dl/core: each item says whether
// TensorFlow.js is loaded in the thread that made it.
const plainDir = mkdtempSync(join(tmpdir(), 'dl-plain-dataset-'));
afterAll(() => rmSync(plainDir, { recursive: true, force: true }));
const plainModule = join(plainDir, 'plain.mjs');
writeFileSync(
  plainModule,
  `export class PlainRange {
  constructor(n) { this.n = n; }
  get length() { return this.n; }
  getItem(i) { return [[i % 2, i % 3, i % 5], Float32Array.of(i / 4, -i), i, globalThis._tfengine != null]; }
  workerSpec() { return { module: import.meta.url, export: 'PlainRange', args: [this.n] }; }
}
`,
);

type PlainBatch = [Tensor[], Tensor, Tensor, Tensor];
const describeBatches = (batches: Tensor[][]) => batches.map((b) => b.map((t) => [t.shape, t.dtype, t.tolist()]));

async function collect<B>(loader: AsyncIterable<B>): Promise<B[]> {
  const out: B[] = [];
  for await (const b of loader) out.push(b);
  return out;
}

async function failure(loader: AsyncIterable<unknown>): Promise<Error> {
  try {
    await collect(loader);
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the loop to fail');
}

describe('DataLoader with worker threads', () => {
  it('returns batches in sampler order, seeds workers as PyTorch does, runs workerInitFn, reuses persistent workers', async () => {
    const loader = new DataLoader(new ProbeDataset(4), {
      batchSize: 1,
      numWorkers: 2,
      generator: new Generator(11),
      persistentWorkers: true,
      collateFn: (items: Probe[]) => items[0],
      workerInitFn: { module: fixtures, export: 'tagWorker', args: ['w'] },
    });
    const first = await collect(loader);
    expect(liveWorkerCount()).toBe(2);
    const stale = loader[Symbol.asyncIterator]();
    expect((await stale.next()).value).toMatchObject({ index: 0 });
    const second = await collect(loader);
    await expect(stale.next()).rejects.toThrow('DataLoader: this iterator was superseded by a newer one (persistentWorkers share one set of workers)');
    expect(liveWorkerCount()).toBe(2);
    await loader.close();
    expect(liveWorkerCount()).toBe(0);
    expect(first.map((p) => p.index)).toEqual([0, 1, 2, 3]);
    expect(first.map((p) => [p.worker, p.seed, p.generatorSeed])).toEqual(torchData.worker_seeds_generator11);
    expect(first.map((p) => p.initTag)).toEqual(['w0', 'w1', 'w0', 'w1']);
    expect(second.map((p) => p.thread)).toEqual(first.map((p) => p.thread));
    expect(new Set(first.map((p) => p.thread)).size).toBe(2);
  });

  it('starts fresh workers each epoch without persistentWorkers, and stops them when a loop breaks', async () => {
    const loader = new DataLoader(new ProbeDataset(6), { batchSize: 2, numWorkers: 2, shuffle: true, collateFn: (items: Probe[]) => items });
    const epoch = (await collect(loader)).flat();
    expect(epoch.map((p) => p.index).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(dataLoaderWorkerCount()).toBe(0);
    for await (const batch of loader) {
      expect(batch).toHaveLength(2);
      expect(liveWorkerCount()).toBe(2);
      expect(batch[0].thread).not.toBe(epoch[0].thread);
      break;
    }
    expect(liveWorkerCount()).toBe(0);
  });

  it('re-raises a worker exception with the worker id, the index and the original stack', async () => {
    const e = await failure(new DataLoader(new FaultyDataset(8, 5, 'throw'), { batchSize: 2, numWorkers: 2 }));
    expect(e).toBeInstanceOf(WorkerError);
    const w = e as WorkerError;
    expect(w.message).toMatch(/^Caught RangeError in DataLoader worker 0 while loading index 5 \(batch 2\): item 5 is cursed\nOriginal stack in the worker:\nRangeError: item 5 is cursed\n/);
    expect([w.workerId, w.index, w.originalName]).toEqual([0, 5, 'RangeError']);
    expect(w.originalStack).toContain('explode');
    expect(w.cause).toBeInstanceOf(RangeError);
    expect(liveWorkerCount()).toBe(0);
  });

  it('reports an out-of-range index from a worker as IndexError', async () => {
    const e = await failure(new DataLoader(new FaultyDataset(4, -1, 'none'), { sampler: [0, 9], numWorkers: 1 }));
    expect(e).toBeInstanceOf(WorkerError);
    expect(e.message).toContain('Caught IndexError in DataLoader worker 0 while loading index 9 (batch 1): DataLoader: index 9 is out of range for a dataset of length 4');
    expect((e as WorkerError).cause).toMatchObject({ name: 'IndexError' });
    expect(IndexError.name).toBe('IndexError');
  });

  it('fails clearly when a worker exits, stopping the others', async () => {
    const e = await failure(new DataLoader(new FaultyDataset(8, 3, 'exit'), { batchSize: 2, numWorkers: 2 }));
    expect(e).toBeInstanceOf(WorkerExitError);
    expect(e.message).toBe('DataLoader worker 1 exited unexpectedly with code 3 while loading batch 1 (indices [2, 3]); the other workers were stopped');
    expect((e as WorkerExitError).exitCode).toBe(3);
    expect(liveWorkerCount()).toBe(0);
  });

  it('fails clearly when a worker dies of an uncaught error outside getItem', async () => {
    const e = await failure(new DataLoader(new FaultyDataset(64, 0, 'uncaught'), { batchSize: 1, numWorkers: 1, prefetchFactor: 1 }));
    expect(e).toBeInstanceOf(WorkerExitError);
    expect(e.message).toMatch(/^DataLoader worker 0 stopped on an uncaught TypeError: lost in a timer/);
    expect((e as WorkerExitError).exitCode).toBeNull();
    expect(liveWorkerCount()).toBe(0);
  });

  it('times out on a hung worker without hanging, and stops every worker', async () => {
    const t0 = performance.now();
    const e = await failure(new DataLoader(new FaultyDataset(8, 2, 'hang'), { batchSize: 2, numWorkers: 2, timeout: 300 }));
    expect(e).toBeInstanceOf(WorkerTimeoutError);
    expect(e.message).toBe('DataLoader timed out after 300 ms waiting for batch 1 (indices [2, 3]) from worker 1; every worker was stopped');
    expect(liveWorkerCount()).toBe(0);
    expect(performance.now() - t0).toBeLessThan(60_000);
  });

  it('reports a dataset that cannot be built in a worker', async () => {
    const ds = new BrokenInWorkers();
    const e = await failure(new DataLoader(ds, { numWorkers: 1 }));
    expect(e).toBeInstanceOf(WorkerError);
    expect(e.message).toMatch(/^DataLoader worker 0 failed while building the dataset \(BrokenInWorkers from file:.*worker-datasets\.ts\): Error: no database connection in worker\n/);
    expect(liveWorkerCount()).toBe(0);
  });

  it('shards an IterableDataset with getWorkerInfo, interleaving the workers', async () => {
    const loader = new DataLoader(new ShardedRange(11), { batchSize: 2, numWorkers: 2 });
    const batches = await collect(loader);
    expect(batches.map((b) => b.tolist())).toEqual([[0, 2], [1, 3], [4, 6], [5, 7], [8, 10], [9]]);
  });

  it('rebuilds @dl/core datasets (with their tensors), transforms and a module collateFn in workers', async () => {
    const x = tensor([[1, 1], [2, 2], [3, 3], [4, 4]]);
    const [train] = randomSplit(new TensorDataset(x, tensor([0, 1, 2, 3])), [3, 1], { generator: new Generator(1) });
    const batches = await collect(new DataLoader(train, { batchSize: 3, numWorkers: 1 }));
    expect(batches[0][0]).toBeInstanceOf(Tensor);
    expect(batches[0][0].tolist()).toEqual(train.indices.map((i) => [i + 1, i + 1]));
    const fns = new URL('../../../test/support/collate-fns.ts', import.meta.url);
    const double = await functionFromModule<(x: number) => number>({ module: fns, export: 'scale', args: [2] });
    const viaModule = new DataLoader<number, { sum: number; worker: number }>(new TransformedRange(4, double), {
      batchSize: 2,
      numWorkers: 1,
      collateFn: { module: fns, export: 'sumCollate', args: [10] },
    });
    // items 0, 2, 4, 6 (the transform ran in the worker), summed in the worker
    expect(await collect(viaModule)).toEqual([{ sum: 12, worker: 0 }, { sum: 20, worker: 0 }]);
  });

  it('prepares a dataset that has prepare() in each worker before its first item', async () => {
    const loader = new DataLoader(await new PreparedRange(4).prepare(), { batchSize: 2, numWorkers: 2 });
    expect((await collect(loader)).map((b) => b.tolist())).toEqual([
      [0, 10],
      [20, 30],
    ]);
  });

  it('constructs a callable class instance (a transform) whose workerSpec names its class', async () => {
    const triple = new Scaler(3) as unknown as (x: number) => number;
    const loader = new DataLoader(new TransformedRange(4, triple), { batchSize: 4, numWorkers: 1 });
    expect((await collect(loader)).map((b) => b.tolist())).toEqual([[0, 3, 6, 9]]);
  });

  it('explains what a dataset needs before starting workers', async () => {
    class Plain extends Dataset<number> {
      get length(): number {
        return 2;
      }
      getItem(i: number): number {
        return i;
      }
    }
    const e = await failure(new DataLoader(new Plain(), { numWorkers: 2 }));
    expect(e).toBeInstanceOf(ValueError);
    expect(e.message).toBe(
      "DataLoader: numWorkers=2 needs a dataset each worker thread can rebuild, but an instance of Plain has no workerSpec(); override workerSpec() in its class to return { module: import.meta.url, export: 'ClassName', args: [...] }, or build it with datasetFromModule()",
    );
    const fnArg = { length: 1, getItem: () => 1, workerSpec: () => ({ module: fixtures, export: 'ProbeDataset', args: [() => 1] }) };
    await expect(collect(new DataLoader(fnArg, { numWorkers: 1 }))).rejects.toThrow(
      'DataLoader workers: dataset workerSpec() args[0] is a function, which cannot be copied to another thread; export it from a module and rebuild it from plain arguments there',
    );
    expect(liveWorkerCount()).toBe(0);
  });

  it('gives the same batches as the main thread, loading no TensorFlow.js for plain items', async () => {
    const { PlainRange } = (await import(pathToFileURL(plainModule).href)) as { PlainRange: new (n: number) => MapDatasetLike };
    const options = { batchSize: 4, shuffle: true, dropLast: true } as const;
    const inline = await collect(new DataLoader<unknown, PlainBatch>(new PlainRange(19), { ...options, generator: new Generator(9) }));
    const viaWorkers = await collect(new DataLoader<unknown, PlainBatch>(new PlainRange(19), { ...options, generator: new Generator(9), numWorkers: 2 }));
    expect(viaWorkers).toHaveLength(4);
    const plain = (batches: PlainBatch[]) => batches.map(([xs, f, i]) => [...describeBatches([xs]), ...describeBatches([[f, i]])]);
    expect(plain(viaWorkers)).toEqual(plain(inline));
    expect(viaWorkers.flatMap((b) => b[3].tolist() as boolean[])).toEqual(new Array(16).fill(false));
    expect(inline[0][3].tolist()).toEqual([true, true, true, true]);
  });

  it('gives the same TensorDataset batches (one gather per tensor in the workers) as the main thread', async () => {
    const ds = new TensorDataset(arange(26).reshape([13, 2]), tensor([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], { dtype: 'int32' }), arange(13).gt(6));
    const options = { batchSize: 3, shuffle: true, dropLast: true } as const;
    const inline = await collect(new DataLoader(ds, { ...options, generator: new Generator(4) }));
    const viaWorkers = await collect(new DataLoader(ds, { ...options, generator: new Generator(4), numWorkers: 2 }));
    expect(viaWorkers).toHaveLength(4);
    expect(viaWorkers[0].map((t) => t.dtype)).toEqual(['float32', 'int32', 'bool']);
    expect(describeBatches(viaWorkers)).toEqual(describeBatches(inline));
  });
});

interface MapDatasetLike {
  readonly length: number;
  getItem(i: number): unknown;
}
