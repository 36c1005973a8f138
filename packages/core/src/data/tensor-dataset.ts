import { ShapeError } from '../errors/shape-error';
import { ValueError } from '../errors/value-error';
import { Tensor } from '../tensor/tensor';
import { checkIndex } from './check-index';
import { Dataset } from './dataset';
import { GET_BATCH } from './loader/fetch-batch';
import type { ModuleExport } from './module-export';
import { selectRow, selectRows } from './select-row';

/**
 * A dataset of tensors sharing their first dimension; item `i` is `[t1[i], t2[i], ...]`
 * (PyTorch's `TensorDataset`). Works with workers (the tensors are copied to each worker).
 *
 * A DataLoader with the default collate makes each batch with {@link TensorDataset.getBatch}: one
 * gather per tensor instead of one slice per item and a stack (the same batches, faster).
 *
 * @example
 * ```ts
 * const ds = new dl.TensorDataset(dl.randn([100, 3]), dl.randint(0, 2, [100]));
 * const [x, y] = ds.getItem(0); // x.shape [3], y.shape []
 * ```
 */
export class TensorDataset<T extends Tensor[] = Tensor[]> extends Dataset<T> {
  /** The tensors. */
  readonly tensors: T;

  constructor(...tensors: T) {
    super();
    if (tensors.length === 0) throw new ValueError('TensorDataset: expected at least one tensor');
    tensors.forEach((t, k) => {
      if (!(t instanceof Tensor)) throw new ValueError(`TensorDataset: argument ${k} is not a Tensor (got ${t === null ? 'null' : typeof t})`);
      if (t.dim() === 0) throw new ShapeError(`TensorDataset: tensor ${k} is 0-dimensional; tensors need a first dimension to index`);
    });
    const n = tensors[0].shape[0];
    tensors.forEach((t, k) => {
      if (t.shape[0] !== n) {
        throw new ShapeError(`TensorDataset: size mismatch between tensors: tensor 0 has ${n} rows (shape [${tensors[0].shape.join(', ')}]) but tensor ${k} has ${t.shape[0]} (shape [${t.shape.join(', ')}])`);
      }
    });
    this.tensors = tensors;
  }

  get length(): number {
    return this.tensors[0].shape[0];
  }

  getItem(index: number): T {
    const i = checkIndex(index, this.length, 'TensorDataset');
    return this.tensors.map((t) => selectRow(t, i)) as T;
  }

  /**
   * The items at `indices` as one batch, `[t1[indices], t2[indices], ...]`: each tensor indexed
   * once along its first dimension (PyTorch's `__getitems__` fast path). Equals
   * `dl.defaultCollate(indices.map((i) => ds.getItem(i)))`, gradients included.
   *
   * @example
   * ```ts
   * const ds = new dl.TensorDataset(dl.arange(10).reshape([5, 2]), dl.tensor([0, 1, 0, 1, 0]));
   * const [x, y] = ds.getBatch([4, 0]); // x.tolist() [[8, 9], [0, 1]], y.tolist() [0, 0]
   * ```
   */
  getBatch(indices: readonly number[]): T {
    const n = this.length;
    const rows = Array.from(indices, (i) => checkIndex(i, n, 'TensorDataset'));
    return this.tensors.map((t) => selectRows(t, rows)) as T;
  }

  /** @internal The DataLoader's batch fast path (see {@link TensorDataset.getBatch}). */
  [GET_BATCH](indices: readonly number[]): T {
    return this.getBatch(indices);
  }

  override workerSpec(): ModuleExport {
    return { module: '@dl/core', export: 'TensorDataset', args: this.tensors };
  }
}
