import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import { Tensor } from '../../tensor/tensor';

/** @internal Checks a layer got a live tensor. */
export function checkTensor(layer: string, input: unknown, what = 'input'): asserts input is Tensor {
  if (!(input instanceof Tensor)) {
    throw new ValueError(`${layer}: expected a Tensor ${what}, got ${input === null ? 'null' : typeof input === 'object' ? (input as object).constructor?.name : typeof input}`);
  }
  input._assertAlive(layer);
}

/**
 * @internal Checks the input's rank, with a ShapeError naming the layer, the expected layouts
 * (`[N, C, L] or [C, L]`) and the actual shape.
 */
export function checkRank(layer: string, input: unknown, ranks: readonly number[], layouts: readonly string[]): asserts input is Tensor {
  checkTensor(layer, input);
  if (!ranks.includes(input.dim())) {
    throw new ShapeError(`${layer}: expected ${ranks.map((r) => `${r}D`).join(' or ')} input of shape ${layouts.join(' or ')}, got input of shape [${input.shape.join(', ')}]`);
  }
}

/** @internal Checks one dimension's size: `expected input of shape ${layout}, got [..]`. */
export function checkSize(layer: string, input: Tensor, dim: number, size: number, layout: string): void {
  const d = dim < 0 ? input.dim() + dim : dim;
  if (input.shape[d] !== size) {
    throw new ShapeError(`${layer}: expected input of shape ${layout}, got input of shape [${input.shape.join(', ')}]`);
  }
}
