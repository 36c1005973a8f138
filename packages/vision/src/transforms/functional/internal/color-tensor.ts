import { reshape, scope, tensor, type Tensor } from '@dl/core';

/** @internal A tensor of `shape` over a typed array (one creation; the reshape shares the values). */
export function tensorFrom(data: Float32Array | Int32Array, shape: readonly number[]): Tensor {
  return reshape(tensor(data), shape);
}

/**
 * @internal Runs a tensor computation and frees its temporaries at once (`dl.scope`), unless the
 * input records gradients, whose graph needs them.
 */
export function scoped(input: Tensor, fn: () => Tensor): Tensor {
  return input.requiresGrad ? fn() : scope(fn);
}
