// The seed chapter's Dataset / DataLoader example (FizBuzDataset), as a TypeScript user writes it.
import { describe, expect, expectTypeOf, it } from 'vitest';
import '../index';
import { Tensor } from '../tensor/tensor';
import { DataLoader } from './loader/data-loader';
import { FizzBuzzDataset } from '../../test/support/fizzbuzz-dataset';
import { liveWorkerCount } from './worker/worker-pool';

const decode = (bits: number[]) => bits.reduce((n, b) => n * 2 + b, 0);

describe('the FizzBuzz dataset of the seed chapter', () => {
  it('is looped over by index: x is the binary encoding, y the one-hot fizz/buzz class', () => {
    const dataset = new FizzBuzzDataset();
    expect(dataset.length).toBe(1000);
    const classes = [0, 0, 0, 0];
    for (let i = 0; i < dataset.length; i++) {
      const [x, y] = dataset.getItem(i);
      expect(decode(x.tolist() as number[])).toBe(i);
      classes[(y.tolist() as number[]).indexOf(1)]++;
    }
    // 67 multiples of 15 (0 included), 133 other multiples of 5, 267 other multiples of 3.
    expect(classes).toEqual([67, 133, 267, 533]);
    expect(dataset.encoder(5)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 0, 1]);
    expect(new FizzBuzzDataset(10, 100, 200).getItem(0)[1].tolist()).toEqual([0, 1, 0, 0]);
  });

  it('is batched and shuffled by a DataLoader with worker threads', async () => {
    const dataset = new FizzBuzzDataset();
    // The seed uses num_workers=4; two keep the test quick on a two-core machine.
    const dataloader = new DataLoader(dataset, { batchSize: 10, shuffle: true, numWorkers: 2 });
    expect(dataloader.length).toBe(100);
    const seen: number[] = [];
    for await (const batch of dataloader) {
      expectTypeOf(batch).toEqualTypeOf<[Tensor, Tensor]>();
      const [x, y] = batch;
      expect(x.shape).toEqual([10, 10]);
      expect(y.shape).toEqual([10, 4]);
      for (const row of x.tolist() as number[][]) seen.push(decode(row));
    }
    expect(liveWorkerCount()).toBe(0);
    expect(seen).not.toEqual([...seen].sort((a, b) => a - b));
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });
});
