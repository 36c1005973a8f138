import type { KernelFunc, TensorInfo, UnsortedSegmentSumAttrs } from '@tensorflow/tfjs-core';
import type { KernelRunner } from './kernel-runner';
import { compositeKernel } from './kernel-scope';

/**
 * @internal `UnsortedSegmentSum` as one `ScatterNd` (which adds duplicate indices): rows of `x`
 * go to the segment their id names. Ids outside `[0, numSegments)` are dropped, as TensorFlow
 * does, by sending them to one extra segment that is cut off afterwards (so no index can reach
 * memory outside the output).
 */
export function unsortedSegmentSumVia(scope: KernelRunner, x: TensorInfo, segmentIds: TensorInfo, attrs: UnsortedSegmentSumAttrs): TensorInfo {
  const { numSegments } = attrs;
  const rest = x.shape.slice(segmentIds.shape.length);
  const count = segmentIds.shape.reduce((a, b) => a * b, 1);
  if (count === 0 || numSegments === 0) {
    return scope.run('Fill', {}, { shape: [numSegments, ...rest], value: 0, dtype: x.dtype });
  }
  const ids = scope.reshape(segmentIds, [count]);
  const idsInt = ids.dtype === 'int32' ? ids : scope.run('Cast', { x: ids }, { dtype: 'int32' });
  const low = scope.run('GreaterEqual', { a: idsInt, b: scope.constant(new Int32Array([0]), [], 'int32') });
  const high = scope.run('Less', { a: idsInt, b: scope.constant(new Int32Array([numSegments]), [], 'int32') });
  const valid = scope.run('LogicalAnd', { a: low, b: high });
  const spill = scope.run('Fill', {}, { shape: [count], value: numSegments, dtype: 'int32' });
  const safe = scope.run('Select', { condition: valid, t: idsInt, e: spill });
  const indices = scope.reshape(safe, [count, 1]);
  const updates = scope.reshape(x, [count, ...rest]);
  const sums = scope.run('ScatterNd', { indices, updates }, { shape: [numSegments + 1, ...rest] });
  return scope.run('Slice', { x: sums }, { begin: [0, ...rest.map(() => 0)], size: [numSegments, ...rest] });
}

/** @internal An `UnsortedSegmentSum` kernel built from the named backend's other kernels. */
export function unsortedSegmentSumKernel(backendName: string): KernelFunc {
  return compositeKernel<UnsortedSegmentSumAttrs>(backendName, ['x', 'segmentIds'], (s, [x, ids], attrs) => unsortedSegmentSumVia(s, x, ids, attrs));
}
