// revtok's subword selection re-sorts every n-gram by entropy (stable, descending) before each
// pick. This max-heap gives the same picks without the sorts: ties go to the n-gram that came
// first in that list, which is tracked by a rank `tie` (lower first). An n-gram whose entropy drops
// moves ahead of the n-grams already at its new entropy (it was before them), so it gets a rank
// below every rank given so far.

/** An n-gram in the heap: the key the heap orders it by, and its place. */
export interface HeapItem {
  /** The entropy the heap knows (change it only together with {@link NGramHeap.moved}). */
  key: number;
  tie: number;
  heapIndex: number;
}

function before(a: HeapItem, b: HeapItem): boolean {
  return a.key > b.key || (a.key === b.key && a.tie < b.tie);
}

/** A max-heap by (key descending, tie ascending). */
export class NGramHeap<T extends HeapItem> {
  private readonly items: T[];

  constructor(items: readonly T[]) {
    this.items = [...items];
    this.items.forEach((item, i) => {
      item.heapIndex = i;
    });
    for (let i = (this.items.length >> 1) - 1; i >= 0; i--) this.down(i);
  }

  get size(): number {
    return this.items.length;
  }

  /** Takes out the first item. */
  pop(): T | undefined {
    const top = this.items[0];
    const last = this.items.pop();
    if (top === undefined || last === undefined) return undefined;
    top.heapIndex = -1;
    if (last !== top) {
      this.items[0] = last;
      last.heapIndex = 0;
      this.down(0);
    }
    return top;
  }

  /** Restores the order after `item`'s key or tie changed (one item at a time). */
  moved(item: T): void {
    if (item.heapIndex < 0) return;
    this.down(item.heapIndex);
    this.up(item.heapIndex);
  }

  private up(i: number): void {
    const items = this.items;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i]!, items[parent]!)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const items = this.items;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let first = i;
      if (l < items.length && before(items[l]!, items[first]!)) first = l;
      if (r < items.length && before(items[r]!, items[first]!)) first = r;
      if (first === i) return;
      this.swap(i, first);
      i = first;
    }
  }

  private swap(a: number, b: number): void {
    const items = this.items;
    const x = items[a]!;
    items[a] = items[b]!;
    items[b] = x;
    items[a]!.heapIndex = a;
    items[b]!.heapIndex = b;
  }
}
