import { ShapeError, type Tensor, zeros } from '@dl/core';

/**
 * How vectors for out-of-vocabulary words are made (torchtext's `unk_init`): called with a
 * zero-filled float32 tensor of shape `[dim]`, returns a tensor of the same shape (often the same
 * one, changed in place). `undefined` keeps the zeros, torchtext's default (`torch.Tensor.zero_`).
 *
 * @example
 * ```ts
 * import { normal_ } from '@dl/core';
 * const glove = await new GloVe({ name: '6B', dim: 50, unkInit: (t) => normal_(t) }).load();
 * glove.get('no-such-word'); // a random normal vector of 50 values
 * ```
 */
export type UnkInit = (tensor: Tensor) => Tensor;

/**
 * The values `unkInit` gives one out-of-vocabulary vector of `dim` values (zeros without it);
 * `op` names the caller in the ShapeError thrown when it returns another shape.
 *
 * @example
 * ```ts
 * unkValues((t) => t.fill_(0.5), 3, 'Vectors.get'); // Float32Array [0.5, 0.5, 0.5]
 * ```
 */
export function unkValues(unkInit: UnkInit | undefined, dim: number, op: string): Float32Array {
  if (unkInit === undefined) return new Float32Array(dim);
  const input = zeros([dim]);
  const output = unkInit(input);
  if (output === null || typeof output !== 'object' || !Array.isArray(output.shape) || typeof output.dataSync !== 'function') {
    input.dispose();
    throw new ShapeError(`${op}: unkInit must return a Tensor of shape [${dim}], got ${output === null ? 'null' : typeof output}`);
  }
  if (output.shape.length !== 1 || output.shape[0] !== dim) {
    input.dispose();
    throw new ShapeError(`${op}: unkInit must return a Tensor of shape [${dim}] (the shape it was given), got [${output.shape.join(', ')}]`);
  }
  const values = Float32Array.from(output.dataSync());
  input.dispose();
  return values;
}
