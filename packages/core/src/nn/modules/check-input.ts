import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import { Tensor } from '../../tensor/tensor';
import { ArgumentTypeError } from '../../errors/argument-type-error';
import { describeArg } from '../../tensor/describe-arg';
import { assertInt } from '../../ops/arg-checks';

/** @internal Checks a layer got a live tensor. */
export function checkTensor(layer: string, input: unknown, what = 'input'): asserts input is Tensor {
  if (!(input instanceof Tensor)) {
    throw new ArgumentTypeError(`${layer}: expected a Tensor ${what}, got ${input === null ? 'null' : typeof input === 'object' ? (input as object).constructor?.name : typeof input}`);
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

/** @internal An int or tuple expanded to `n` ints, checked. */
export function expand(v: number | readonly number[], n: number, name: string, layer: string, min: number): number[] {
  if (typeof v !== 'number' && !Array.isArray(v)) {
    throw new ArgumentTypeError(`${layer}: ${name} must be ${n === 1 ? 'an integer' : `an integer or ${n} integers`} >= ${min}, got ${describeArg(v)}`);
  }
  const out = typeof v === 'number' ? new Array<number>(n).fill(v) : [...v];
  if (out.length !== n || out.some((x) => !Number.isInteger(x) || x < min)) {
    throw new ValueError(`${layer}: ${name} must be ${n === 1 ? 'an integer' : `an integer or ${n} integers`} >= ${min}, got ${typeof v === 'number' ? v : `[${v.join(', ')}]`}`);
  }
  return out;
}

/** @internal Checks a layer's `dim` argument: an integer (or null where the layer allows it). */
export function checkDimArg(layer: string, dim: unknown, allowNull: boolean): void {
  if (allowNull && dim === null) return;
  assertInt(dim, layer, 'dim');
}

/** @internal PyTorch's legacy implicit softmax dim: 0 for 0-, 1- and 3-D input, else 1. */
export function implicitDim(input: Tensor, layer: string): number {
  if (!input || typeof input.dim !== 'function') throw new ShapeError(`${layer}: expected a Tensor input`);
  const n = input.dim();
  return n === 0 || n === 1 || n === 3 ? 0 : 1;
}

/** @internal Resolves PyTorch's padding index rules. */
export function resolvePadding(paddingIdx: number | null | undefined, num: number, layer: string): number | null {
  if (paddingIdx === null || paddingIdx === undefined) return null;
  if (!Number.isInteger(paddingIdx) || paddingIdx >= num || paddingIdx < -num) {
    throw new ValueError(`${layer}: Padding_idx must be within num_embeddings (got paddingIdx ${paddingIdx} for ${num} embeddings)`);
  }
  return paddingIdx < 0 ? paddingIdx + num : paddingIdx;
}
