import { describe, expect, it } from 'vitest';
import { RowStore } from './row-store';

function fill(store: RowStore, rows: number): void {
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < store.dim; k++) store.block[store.offset + k] = r * 10 + k;
    store.commit();
  }
}

const expected = (rows: number, dim: number) => Array.from({ length: rows * dim }, (_, i) => Math.floor(i / dim) * 10 + (i % dim));

describe('RowStore', () => {
  it('gathers rows written across several blocks, in order', () => {
    const store = new RowStore(3, undefined, 7); // two rows a block
    fill(store, 5);
    expect(store.length).toBe(5);
    expect(Array.from(store.finish())).toEqual(expected(5, 3));
  });

  it('returns the first block itself when a header sized it exactly', () => {
    const store = new RowStore(2, 4, 6);
    fill(store, 4);
    const data = store.finish();
    expect([data.length, Array.from(data)]).toEqual([8, expected(4, 2)]);
  });

  it('trims a block with fewer rows than it holds, and is empty without rows', () => {
    const store = new RowStore(2, 10);
    fill(store, 3);
    expect(Array.from(store.finish())).toEqual(expected(3, 2));
    expect(new RowStore(4).finish().length).toBe(0);
  });

  it('handles rows that end exactly at a block boundary', () => {
    const store = new RowStore(2, undefined, 4);
    fill(store, 4);
    expect(Array.from(store.finish())).toEqual(expected(4, 2));
  });
});
