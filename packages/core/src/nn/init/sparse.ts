import { ValueError } from '../../errors/value-error';
import { defaultGenerator } from '../../random/generator';
import type { Tensor } from '../../tensor/tensor';
import { checkTarget, writeValues, type InitOptions } from './write-values';

/** Options of `sparse_`. */
export interface SparseInitOptions extends InitOptions {
  /** Standard deviation of the non-zero values. @default 0.01 */
  std?: number;
}

/**
 * Fills a 2-D `tensor` in place as a sparse matrix (PyTorch's `nn.init.sparse_`, Martens
 * 2010): normal values N(0, std²) with a fraction `sparsity` of each column set to zero.
 * Returns `tensor`.
 *
 * @example
 * ```ts
 * nn.init.sparse_(linear.weight, 0.9);
 * ```
 */
export function sparse_(tensor: Tensor, sparsity: number, options: SparseInitOptions = {}): Tensor {
  checkTarget(tensor, 'sparse_');
  const shape = tensor.shape;
  if (shape.length !== 2) throw new ValueError(`sparse_: Only tensors with 2 dimensions are supported (got shape [${shape.join(', ')}])`);
  if (!(sparsity >= 0 && sparsity <= 1)) throw new ValueError(`sparse_: sparsity must be in [0, 1], got ${sparsity}`);
  const [rows, cols] = shape;
  const numZeros = Math.ceil(sparsity * rows);
  const gen = options.generator ?? defaultGenerator;
  const v = gen.fillNormal(new Float32Array(rows * cols), 0, options.std ?? 0.01);
  const perm = new Array<number>(rows);
  for (let c = 0; c < cols; c++) {
    // torch.randperm(rows): PyTorch's CPU swap loop.
    for (let i = 0; i < rows; i++) perm[i] = i;
    for (let i = 0; i < rows - 1; i++) {
      const z = gen.nextInt(rows - i);
      const t = perm[i];
      perm[i] = perm[i + z];
      perm[i + z] = t;
    }
    for (let k = 0; k < numZeros; k++) v[perm[k] * cols + c] = 0;
  }
  return writeValues(tensor, v);
}
