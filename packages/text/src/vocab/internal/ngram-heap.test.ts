import { describe, expect, it } from 'vitest';
import { type HeapItem, NGramHeap } from './ngram-heap';

describe('NGramHeap', () => {
  it('pops by key descending, then tie ascending', () => {
    const items = [5, 3, 9, 1, 9, 7, 2, 8].map((key, tie) => ({ key, tie, heapIndex: -1 }));
    const heap = new NGramHeap(items);
    const out: number[] = [];
    for (let x = heap.pop(); x; x = heap.pop()) out.push(x.tie);
    expect(out).toEqual([2, 4, 7, 5, 0, 1, 6, 3]);
  });

  it("gives the first item of a stable re-sort after every batch of key changes, as revtok's loop", () => {
    let seed = 3;
    const rnd = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    for (let trial = 0; trial < 50; trial++) {
      const items: (HeapItem & { id: number })[] = Array.from({ length: 60 }, (_, id) => ({ key: Math.floor(rnd() * 10), tie: id, heapIndex: -1, id }));
      // The reference: the list revtok keeps, stably re-sorted by key before each pick.
      let list = [...items].map((x) => ({ x, key: x.key }));
      const heap = new NGramHeap(items);
      let lowest = 0;
      for (let step = 0; step < 50; step++) {
        list = list.sort((a, b) => b.key - a.key);
        const expected = list.shift()!.x;
        expect(heap.pop()).toBe(expected);
        // Lower some keys: in the reference those items just get the new key; the heap moves them ahead of their new equals.
        const lowered = list.filter(() => rnd() < 0.3).map((e) => ({ e, by: 1 + Math.floor(rnd() * 3) }));
        const order = [...lowered].sort((a, b) => list.indexOf(a.e) - list.indexOf(b.e));
        order.forEach(({ e, by }, i) => {
          e.key -= by;
          e.x.key = e.key;
          e.x.tie = lowest - order.length + i;
          heap.moved(e.x);
        });
        lowest -= order.length;
      }
    }
  });
});
