// The seed chapter's FizzBuzz dataset (PyTorch's `FizBuzDataset`) in TypeScript.
import { Dataset } from '../../src/data/dataset';
import type { ModuleExport } from '../../src/data/module-export';
import { tensor } from '../../src/ops/creation/tensor';
import type { Tensor } from '../../src/tensor/tensor';

export class FizzBuzzDataset extends Dataset<[Tensor, Tensor]> {
  constructor(
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

  getItem(idx: number): [Tensor, Tensor] {
    idx += this.start;
    const x = this.encoder(idx);
    let y: number[];
    if (idx % 15 === 0) y = [1, 0, 0, 0];
    else if (idx % 5 === 0) y = [0, 1, 0, 0];
    else if (idx % 3 === 0) y = [0, 0, 1, 0];
    else y = [0, 0, 0, 1];
    return [tensor(x), tensor(y)];
  }

  get length(): number {
    return this.end - this.start;
  }

  override workerSpec(): ModuleExport {
    return { module: import.meta.url, export: 'FizzBuzzDataset', args: [this.inputSize, this.start, this.end] };
  }
}
