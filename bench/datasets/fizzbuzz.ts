// The seed chapter's FizzBuzz dataset: 10-bit binary input, one-hot fizz/buzz/fizzbuzz/number target.
import * as dl from '@dl/core';

/** How items are returned: PyTorch-exact lists, the natural Tensors, or typed arrays (NumPy-like). */
export type ItemKind = 'lists' | 'tensors' | 'typed';

type Item = [number[], number[]] | [dl.Tensor, dl.Tensor] | [Float32Array, Float32Array];

export class FizzBuzzDataset extends dl.Dataset<Item> {
  constructor(
    readonly kind: ItemKind = 'tensors',
    readonly inputSize = 10,
    readonly start = 0,
    readonly end = 1000,
  ) {
    super();
  }

  encoder(num: number): number[] {
    const ret = num
      .toString(2)
      .split('')
      .map((bit) => Number(bit));
    return [...new Array<number>(this.inputSize - ret.length).fill(0), ...ret];
  }

  getItem(idx: number): Item {
    idx += this.start;
    const x = this.encoder(idx);
    let y: number[];
    if (idx % 15 === 0) y = [1, 0, 0, 0];
    else if (idx % 5 === 0) y = [0, 1, 0, 0];
    else if (idx % 3 === 0) y = [0, 0, 1, 0];
    else y = [0, 0, 0, 1];
    if (this.kind === 'tensors') return [dl.tensor(x), dl.tensor(y)];
    if (this.kind === 'typed') return [Float32Array.from(x), Float32Array.from(y)];
    return [x, y];
  }

  get length(): number {
    return this.end - this.start;
  }

  override workerSpec(): dl.ModuleExport {
    return { module: import.meta.url, export: 'FizzBuzzDataset', args: [this.kind, this.inputSize, this.start, this.end] };
  }
}
