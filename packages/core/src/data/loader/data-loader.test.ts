import { describe, expect, expectTypeOf, it } from 'vitest';
import '../../index';
import { tf } from '../../backend/tfjs';
import { memoryStats } from '../../memory/collect';
import { IndexError } from '../../errors/index-error';
import { ValueError } from '../../errors/value-error';
import { tensor } from '../../ops/creation/tensor';
import { Generator, manualSeed } from '../../random/generator';
import { Tensor } from '../../tensor/tensor';
import { Dataset } from '../dataset';
import { CollateError } from '../errors/collate-error';
import { torchData } from '../../../test/support/torch-data';
import { IterableDataset } from '../iterable-dataset';
import { BatchSampler } from '../samplers/batch-sampler';
import { SequentialSampler } from '../samplers/sequential-sampler';
import { DataLoader } from './data-loader';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

async function collect<B>(loader: AsyncIterable<B>): Promise<B[]> {
  const out: B[] = [];
  for await (const b of loader) out.push(b);
  return out;
}

const lists = (batches: Tensor[]) => batches.map((b) => b.tolist());

class Squares extends Dataset<[Tensor, number]> {
  get length(): number {
    return 10;
  }
  getItem(i: number): [Tensor, number] {
    return [tensor([i, i * i]), i];
  }
}

describe('DataLoader (numWorkers 0)', () => {
  it('batches a dataset in order; length is the number of batches', async () => {
    const loader = new DataLoader(new Squares(), { batchSize: 4 });
    expect(loader.length).toBe(3);
    const batches = await collect(loader);
    expect(batches.map(([x]) => x.shape)).toEqual([[4, 2], [4, 2], [2, 2]]);
    expect(batches[2][1].tolist()).toEqual([8, 9]);
    expectTypeOf(batches[0]).toEqualTypeOf<[Tensor, Tensor]>();
    expectTypeOf(loader).toMatchTypeOf<DataLoader<unknown, unknown>>();
  });

  it('drops the short last batch with dropLast and defaults to batches of 1', async () => {
    expect(await collect(new DataLoader(range(10), { batchSize: 4, dropLast: true })).then(lists)).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
    ]);
    const ones = new DataLoader(range(3));
    expect(ones.length).toBe(3);
    expect(lists(await collect(ones))).toEqual([[0], [1], [2]]);
  });

  it('shuffles exactly as PyTorch after manualSeed, and with a generator', async () => {
    manualSeed(7);
    const seeded = new DataLoader(range(10), { batchSize: 4, shuffle: true });
    expect([lists(await collect(seeded)), lists(await collect(seeded))]).toEqual(torchData.loader_shuffle_manual_seed7_two_epochs);
    const withGen = new DataLoader(range(10), { batchSize: 4, shuffle: true, generator: new Generator(7) });
    expect([lists(await collect(withGen)), lists(await collect(withGen))]).toEqual(torchData.loader_shuffle_generator7_two_epochs);
  });

  it('takes a sampler or a batchSampler', async () => {
    const reversed = { length: 4, *[Symbol.iterator]() { yield* [3, 2, 1, 0]; } };
    expect(lists(await collect(new DataLoader(range(4), { sampler: reversed, batchSize: 3 })))).toEqual([[3, 2, 1], [0]]);
    const bs = new BatchSampler(new SequentialSampler({ length: 5 }), 2, { dropLast: true });
    const loader = new DataLoader(range(5), { batchSampler: bs });
    expect(loader.length).toBe(2);
    expect(lists(await collect(loader))).toEqual([[0, 1], [2, 3]]);
  });

  it('passes items through defaultConvert when batchSize is null', async () => {
    const loader = new DataLoader<Float32Array, Tensor>([Float32Array.of(1, 2), Float32Array.of(3)], { batchSize: null });
    const out = await collect(loader);
    expect(out.map((t) => t.tolist())).toEqual([[1, 2], [3]]);
  });

  it('uses a collateFn function or a module export', async () => {
    const fn = new DataLoader(range(6), { batchSize: 3, collateFn: (items: number[]) => items.join('+') });
    expect(await collect(fn)).toEqual(['0+1+2', '3+4+5']);
    expectTypeOf(fn).toEqualTypeOf<DataLoader<number, string>>();
    const spec = new DataLoader<number, { sum: number; worker: number }>(range(6), {
      batchSize: 3,
      collateFn: { module: new URL('../../../test/support/collate-fns.ts', import.meta.url), export: 'sumCollate', args: [100] },
    });
    expect(await collect(spec)).toEqual([{ sum: 103, worker: -1 }, { sum: 112, worker: -1 }]);
  });

  it('iterates synchronously with for ... of when items are synchronous', () => {
    const out: number[][] = [];
    for (const b of new DataLoader(range(5), { batchSize: 2 })) out.push(b.tolist() as number[]);
    expect(out).toEqual([[0, 1], [2, 3], [4]]);
  });

  it('refuses for ... of for async items or workers', () => {
    const asyncDs = { length: 2, getItem: async (i: number) => i };
    expect(() => [...new DataLoader(asyncDs)]).toThrow(ValueError);
    expect(() => [...new DataLoader(asyncDs)]).toThrow('DataLoader: getItem(0) returned a Promise; iterate this loader with for await (for ... of needs synchronous items)');
    expect(() => [...new DataLoader(range(2), { numWorkers: 1 })]).toThrow('DataLoader: for ... of needs numWorkers=0 (got numWorkers=1); iterate with for await');
  });

  it('runs async getItem with bounded concurrency and keeps the order', async () => {
    let inFlight = 0;
    let peak = 0;
    const ds = {
      length: 20,
      async getItem(i: number): Promise<number> {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setTimeout(r, 2 + ((i * 7) % 5)));
        inFlight--;
        return i;
      },
    };
    const batches = await collect(new DataLoader(ds, { batchSize: 8, concurrency: 3 }));
    expect(lists(batches)).toEqual([range(8), range(16).slice(8), [16, 17, 18, 19]]);
    expect(peak).toBe(3);
  });

  it('loads iterable datasets, sync and async, in batches', async () => {
    class Count extends IterableDataset<number> {
      closed = false;
      override *[Symbol.iterator](): Iterator<number> {
        try {
          for (let i = 0; i < 7; i++) yield i;
        } finally {
          this.closed = true;
        }
      }
    }
    const ds = new Count();
    const loader = new DataLoader(ds, { batchSize: 3 });
    Object.defineProperty(ds, 'length', { value: 7 });
    expect(loader.length).toBe(3);
    expect(lists(await collect(loader))).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(lists(await collect(new DataLoader(ds, { batchSize: 3, dropLast: true })))).toEqual([[0, 1, 2], [3, 4, 5]]);
    const early = new Count();
    for await (const b of new DataLoader(early, { batchSize: 2 })) {
      expect(b.tolist()).toEqual([0, 1]);
      break;
    }
    expect(early.closed).toBe(true);
    const asyncStream = { async *[Symbol.asyncIterator]() { yield 'a'; yield 'b'; yield 'c'; } };
    expect(await collect(new DataLoader(asyncStream, { batchSize: 2 }))).toEqual([['a', 'b'], ['c']]);
  });

  it('throws IndexError for a sampler index outside the dataset', async () => {
    const loader = new DataLoader(range(5), { sampler: [0, 5], batchSize: 2 });
    await expect(collect(loader)).rejects.toThrow(IndexError);
    await expect(collect(loader)).rejects.toThrow('DataLoader: index 5 is out of range for a dataset of length 5 (valid indices are 0 to 4)');
  });

  it('throws CollateError naming the types and batch position', async () => {
    const ds = { length: 3, getItem: (i: number) => (i === 2 ? { x: 'oops' } : { x: i }) };
    await expect(collect(new DataLoader(ds, { batchSize: 3 }))).rejects.toThrow(CollateError);
    await expect(collect(new DataLoader(ds, { batchSize: 3 }))).rejects.toThrow('defaultCollate: cannot batch a number (0) at batch position 0 with a string at batch position 2 (at item.x)');
  });

  it('rejects PyTorch-invalid option combinations', () => {
    const bad = (options: object, message: string, ds: unknown = range(4)) => {
      expect(() => new DataLoader(ds as number[], options)).toThrow(ValueError);
      expect(() => new DataLoader(ds as number[], options)).toThrow(message);
    };
    bad({ numWorkers: -1 }, 'DataLoader: numWorkers option should be non-negative; use numWorkers=0 to disable worker threads, got numWorkers=-1');
    bad({ timeout: -5 }, 'DataLoader: timeout option should be a non-negative number of milliseconds, got timeout=-5');
    bad({ prefetchFactor: 2 }, 'DataLoader: prefetchFactor option could only be specified with worker threads');
    bad({ persistentWorkers: true }, 'DataLoader: persistentWorkers option needs numWorkers > 0');
    bad({ shuffle: true, sampler: [0] }, 'DataLoader: sampler option is mutually exclusive with shuffle');
    bad({ batchSampler: [[0]], batchSize: 2 }, 'DataLoader: batchSampler option is mutually exclusive with batchSize, shuffle, sampler, and dropLast');
    bad({ batchSize: null, dropLast: true }, 'DataLoader: batchSize=null option disables auto-batching and is mutually exclusive with dropLast');
    bad({ batchSize: 0 }, 'DataLoader: batchSize should be a positive integer value or null, but got batchSize=0');
    bad({ workerInitFn: () => undefined }, 'DataLoader: workerInitFn must be a module export');
    bad({ concurrency: 0 }, 'DataLoader: concurrency should be a positive integer, got concurrency=0');
    const stream = { *[Symbol.iterator]() { yield 1; } };
    bad({ shuffle: true }, 'DataLoader with IterableDataset: expected unspecified shuffle option, but got shuffle=true', stream);
    bad({ sampler: [0] }, 'DataLoader with IterableDataset: expected unspecified sampler option, but got a sampler', stream);
    expect(() => new DataLoader(stream).length).toThrow('DataLoader: this IterableDataset has no length, so the loader has none');
  });

  it('frees the tensors a for await loop drops: the tensor count stays bounded over 3000 batches', async () => {
    const ds = { length: 8 * 3000, getItem: (i: number) => tensor([i, i + 1, i + 2]) };
    const base = tf.memory().numTensors;
    let peak = 0;
    let batches = 0;
    for await (const x of new DataLoader(ds, { batchSize: 8 })) {
      x.mul(2).sum();
      peak = Math.max(peak, tf.memory().numTensors - base);
      batches++;
    }
    expect(batches).toBe(3000);
    // ~33,000 tensors are made (8 items, the batch and 2 in the loop body per batch); without a
    // collection between batches (tick) every one would still be alive at the end.
    expect(peak).toBeLessThan(memoryStats().gcThreshold + 2000);
    expect(peak).toBeLessThan(25_000);
  }, 120_000);
});
