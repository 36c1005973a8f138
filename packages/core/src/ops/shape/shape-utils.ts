import { kernelOp } from '../../autograd/run-op';
import { ShapeError } from '../../errors/shape-error';
import type { Tensor } from '../../tensor/tensor';

/** @internal A shape as PyTorch prints it in messages: `[2, 3]`. */
export function fmtShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** @internal The product of the sizes. */
export function numelOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** @internal Reshapes without checks (the caller checked); recorded under `name`. */
export function reshapeTo(input: Tensor, shape: readonly number[], name: string): Tensor {
  return kernelOp('Reshape', { x: input }, { shape: shape.slice() }, name);
}

/** @internal Accepts `f(2, 3)` and `f([2, 3])` forms of a size list. */
export function sizeArgs(args: readonly (number | readonly number[])[]): number[] {
  if (args.length === 1 && Array.isArray(args[0])) return (args[0] as readonly number[]).slice();
  return args as number[];
}

/** @internal Resolves a target shape with at most one `-1` against `numel` elements. */
export function inferShape(input: readonly number[], shape: readonly number[], op: string): number[] {
  const numel = numelOf(input);
  let infer = -1;
  let known = 1;
  for (let i = 0; i < shape.length; i++) {
    const d = shape[i];
    if (d === -1) {
      if (infer >= 0) throw new ShapeError(`${op}: only one dimension can be inferred (got shape ${fmtShape(shape)})`);
      infer = i;
    } else if (!Number.isInteger(d) || d < 0) {
      throw new ShapeError(`${op}: invalid shape dimension ${d} in shape ${fmtShape(shape)} (expected non-negative integers, or -1 for one inferred dimension)`);
    } else known *= d;
  }
  const out = shape.slice();
  if (infer >= 0) {
    if (known === 0) {
      throw new ShapeError(`${op}: cannot reshape tensor of 0 elements into shape ${fmtShape(shape)} because the unspecified dimension size -1 can be any value and is ambiguous`);
    }
    if (numel % known !== 0) throw new ShapeError(`${op}: shape ${fmtShape(shape)} is invalid for input of size ${numel} (input shape ${fmtShape(input)})`);
    out[infer] = numel / known;
  } else if (known !== numel) {
    throw new ShapeError(`${op}: shape ${fmtShape(shape)} is invalid for input of size ${numel} (input shape ${fmtShape(input)})`);
  }
  return out;
}
