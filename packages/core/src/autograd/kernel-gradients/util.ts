import { tf, type TfTensor } from '../../backend/tfjs';
import type { KernelGradient } from './types';

/** @internal A reduction's `axis` attribute as sorted, non-negative axes (`undefined`: all). */
export function normAxes(axis: unknown, rank: number): number[] {
  if (axis === undefined || axis === null) return Array.from({ length: rank }, (_, i) => i);
  const list = typeof axis === 'number' ? [axis] : (axis as number[]);
  return [...new Set(list.map((a) => (a < 0 ? a + rank : a)))].sort((p, q) => p - q);
}

/** @internal The permutation that undoes `perm`. */
export function inversePerm(perm: readonly number[]): number[] {
  const inverse = new Array<number>(perm.length);
  perm.forEach((p, i) => { inverse[p] = i; });
  return inverse;
}

/** @internal The shape `shape` reduces to with `keepDims`: the reduced axes become 1. */
export function keptShape(shape: readonly number[], axes: readonly number[]): number[] {
  return shape.map((d, i) => (axes.includes(i) ? 1 : d));
}

/**
 * @internal Spreads the gradient of a reduction over `axes` back over the input's `shape`
 * (`dy` may or may not keep the reduced dimensions).
 */
export function unreduce(dy: TfTensor, shape: readonly number[], axes: readonly number[]): TfTensor {
  return tf.broadcastTo(tf.reshape(dy, keptShape(shape, axes)), shape as number[]);
}

/**
 * @internal The config of a kernel that is piecewise constant (Sign) or has a non-float output
 * (comparisons): its inputs get zero gradients, as in PyTorch.
 */
export function nonDifferentiable(kernelName: string, inputNames: readonly string[]): KernelGradient {
  return {
    kernelName,
    inputNames,
    gradFunc: (_dy, _saved, { needs, inputShapes }) => needs.map((n, i) => (n ? tf.zeros(inputShapes[i] as number[]) : null)),
  };
}

/** @internal Runs `f` only for an input that wants a gradient. */
export function ifNeeded(need: boolean, f: () => TfTensor): TfTensor | null {
  return need ? f() : null;
}
