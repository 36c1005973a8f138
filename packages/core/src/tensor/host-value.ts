import type { DType } from './dtype';

/** The JavaScript arrays host tensors keep their values in, one per dtype. */
export type HostArray = Float32Array | Int32Array | Uint8Array;

/**
 * Values computed on the JavaScript heap: what an op's `host` path returns.
 *
 * Small tensors made from JavaScript data (`dl.tensor([1, 2, 3])`, scalar operands) keep their
 * values in a typed array, and the common ops on such tensors (elementwise arithmetic and
 * comparisons, casts, reshapes, stack/cat) compute there too, without a round trip through the
 * TensorFlow.js engine. A TensorFlow.js value is made only when an op without a host path needs
 * one. This is what makes a small op cost about as much as in PyTorch: the engine's bookkeeping
 * per kernel (scopes, tracking, backend dispatch) is several times the arithmetic on a few
 * numbers.
 */
export interface HostValue {
  data: HostArray;
  shape: number[];
  dtype: DType;
}

/**
 * @internal Tensors up to this many elements may live on the host. Above it, the backends'
 * vectorized kernels win over a JavaScript loop, so values go to the backend at creation.
 */
export const HOST_MAX_ELEMENTS = 4096;

/** @internal A zero-filled array for `dtype`. */
export function hostArray(dtype: DType, n: number): HostArray {
  if (dtype === 'float32') return new Float32Array(n);
  if (dtype === 'int32') return new Int32Array(n);
  return new Uint8Array(n);
}
