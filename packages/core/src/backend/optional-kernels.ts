// Fused kernels some backends add to tfjs under @dl's own names (@dl/backend-native's `Dl*`
// kernels: channels-first convolution, pooling, batch normalisation, fused optimizer steps, the
// ReLU gradient and softmax cross entropy). An op uses one only when the active backend
// registers it, and keeps its portable path otherwise, so backends without them (wasm, cpu)
// behave exactly as before.
import { tf, type NamedAttrMap, type TfTensor } from './tfjs';

/** @internal The optional kernels @dl/core knows, and the inputs and attrs each takes (see @dl/backend-native's `DL_KERNELS`). */
export const OPTIONAL_KERNELS = {
  conv2d: 'DlConv2dNCHW',
  conv2dBackpropInput: 'DlConv2dNCHWBackpropInput',
  conv2dBackpropFilter: 'DlConv2dNCHWBackpropFilter',
  maxPool2d: 'DlMaxPool2dNCHW',
  maxPool2dGrad: 'DlMaxPool2dNCHWGrad',
  avgPool2d: 'DlAvgPool2dNCHW',
  avgPool2dGrad: 'DlAvgPool2dNCHWGrad',
  batchNormTrain: 'DlBatchNormTrain',
  batchNormTrainGrad: 'DlBatchNormTrainGrad',
  sgdStep: 'DlSgdStep',
  adamStep: 'DlAdamStep',
  reluGrad: 'DlReluGrad',
  softmaxCrossEntropy: 'DlSoftmaxCrossEntropy',
  softmaxCrossEntropyGrad: 'DlSoftmaxCrossEntropyGrad',
} as const;

/** @internal One of the optional kernels' names. */
export type OptionalKernel = (typeof OPTIONAL_KERNELS)[keyof typeof OPTIONAL_KERNELS];

// backend name -> kernel name -> registered. tfjs registers a backend's kernels before the
// backend can be made active, so the answer for a backend does not change afterwards.
const cache = new Map<string, Map<string, boolean>>();
let enabled = true;

/**
 * @internal Whether the active backend registers the optional kernel `name` (cached per backend).
 * False while optional kernels are switched off (`setOptionalKernelsEnabled`).
 */
export function hasOptionalKernel(name: OptionalKernel): boolean {
  if (!enabled) return false;
  const backend = tf.getBackend();
  let known = cache.get(backend);
  if (!known) {
    known = new Map();
    cache.set(backend, known);
  }
  let has = known.get(name);
  if (has === undefined) {
    has = tf.getKernel(name, backend) !== undefined;
    known.set(name, has);
  }
  return has;
}

/**
 * @internal Switches the optional kernels on or off for every backend (tests compare them with
 * the portable path on the same backend); returns the previous setting.
 */
export function setOptionalKernelsEnabled(on: boolean): boolean {
  const prev = enabled;
  enabled = on;
  return prev;
}

const ENGINE = tf.engine();

/** @internal Runs an optional kernel (check `hasOptionalKernel` first) and returns its outputs. */
export function runOptionalKernel(name: OptionalKernel, inputs: Record<string, TfTensor>, attrs: object): TfTensor[] {
  const out = ENGINE.runKernel(name, inputs, attrs as unknown as NamedAttrMap) as TfTensor | TfTensor[];
  return Array.isArray(out) ? out : [out];
}
