import type * as tfc from '@tensorflow/tfjs-core';
import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';

/**
 * The TensorFlow.js the backend registers into: its core namespace and the cpu backend's class.
 * @dl/core passes the copy it bundles (`@dl/core/internal` exports both); a plain tfjs program
 * passes `import * as tf from '@tensorflow/tfjs-core'` and `MathBackendCPU` from
 * `@tensorflow/tfjs-backend-cpu`.
 */
export interface TfjsRuntime {
  /** TensorFlow.js's core namespace. */
  tf: object;
  /** The cpu backend's class, which the native backend extends. */
  MathBackendCPU: abstract new () => object;
}
// Typed loosely on purpose: the package's declarations must not need TensorFlow.js's types,
// which are optional peers (@dl/core bundles its own copy and passes it).

/** @internal `TfjsRuntime` with TensorFlow.js's own types, inside the package. */
export interface TypedRuntime {
  tf: typeof tfc;
  MathBackendCPU: typeof MathBackendCPU;
}

/** @internal A tensor's storage in the cpu backend's data store. */
export type Values = Float32Array | Int32Array | Uint8Array;
