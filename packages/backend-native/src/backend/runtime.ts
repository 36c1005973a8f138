import type * as tfc from '@tensorflow/tfjs-core';
import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';

/**
 * The TensorFlow.js the backend registers into: its core namespace and the cpu backend's class.
 * @dl/core passes the copy it bundles (`@dl/core/internal` exports both); a plain tfjs program
 * passes `import * as tf from '@tensorflow/tfjs-core'` and `MathBackendCPU` from
 * `@tensorflow/tfjs-backend-cpu`.
 */
export interface TfjsRuntime {
  tf: typeof tfc;
  MathBackendCPU: typeof MathBackendCPU;
}

/** @internal A tensor's storage in the cpu backend's data store. */
export type Values = Float32Array | Int32Array | Uint8Array;
