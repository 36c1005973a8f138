import { describe, expect, it } from 'vitest';
import { ValueError } from '../errors/value-error';
import { ChainDataset } from './chain-dataset';
import { IterableDataset } from './iterable-dataset';

class Range extends IterableDataset<number> {
  constructor(
    readonly from: number,
    readonly to: number,
  ) {
    super();
  }
  get length(): number {
    return this.to - this.from;
  }
  override *[Symbol.iterator](): Iterator<number> {
    for (let i = this.from; i < this.to; i++) yield i;
  }
}

class AsyncLetters extends IterableDataset<string> {
  override async *[Symbol.asyncIterator](): AsyncIterator<string> {
    yield 'a';
    yield 'b';
  }
}

describe('ChainDataset', () => {
  it('streams sync and async datasets one after another', async () => {
    const chain = new ChainDataset<number | string>([new Range(0, 3), new AsyncLetters(), new Range(7, 8)]);
    const out: (number | string)[] = [];
    for await (const v of chain) out.push(v);
    expect(out).toEqual([0, 1, 2, 'a', 'b', 7]);
  });

  it('sums lengths when every part has one', () => {
    expect(new ChainDataset([new Range(0, 3), new Range(5, 9)]).length).toBe(7);
    expect(() => new ChainDataset<unknown>([new Range(0, 1), new AsyncLetters()]).length).toThrow('ChainDataset: dataset 1 has no length');
  });

  it('rejects map-style datasets', () => {
    expect(() => new ChainDataset([{ length: 1, getItem: () => 1 } as never])).toThrow(ValueError);
    expect(() => new ChainDataset([{ length: 1, getItem: () => 1 } as never])).toThrow('ChainDataset: dataset 0 is not an IterableDataset (ChainDataset only supports IterableDataset)');
  });
});
