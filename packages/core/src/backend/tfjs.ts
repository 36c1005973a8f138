/**
 * The single place @dl/core imports TensorFlow.js from. Importing the union package registers
 * every kernel's gradient (tfjs-core alone registers none) on the same engine as tfjs-core; the
 * cpu and wasm backends register themselves on import.
 */
import * as tf from '@tensorflow/tfjs-core';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import './wasm-kernels/register';

// The cpu backend's class: the native backend (@dl/backend-native) extends it, keeping tensors in
// its typed arrays.
export { tf, MathBackendCPU };
export type TfTensor = tf.Tensor;
export type NamedAttrMap = tf.NamedAttrMap;
