import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';

/**
 * @internal The result of a convolution-like op when an input has no elements (an empty batch, no
 * channels): zeros of `outShape`, plus `bias` along `channelAxis`, with zero gradients (the bias
 * gets the summed output gradient). Made without the backend's kernels: tfjs-backend-wasm 4.22
 * traps ("divide by zero") transposing empty tensors.
 */
export function emptyResult(name: string, inputs: Tensor[], outShape: number[], bias: Tensor | null, channelAxis: number): Tensor {
  const all = bias ? [...inputs, bias] : inputs;
  const biasShape = outShape.map((s, i) => (i === channelAxis ? s : 1)).slice(channelAxis);
  return runOp({
    name,
    inputs: all,
    forward: () => tf.tidy(() => (bias ? tf.add(tf.zeros(outShape), tf.reshape(bias._value, biasShape)) : tf.zeros(outShape))),
    backward: (dy, _saved, needs) =>
      all.map((t, i) => {
        if (!needs[i]) return null;
        if (t !== bias) return tf.zeros(t.shape);
        const axes = outShape.map((_, a) => a).filter((a) => a !== channelAxis);
        return dy.size === 0 ? tf.zeros(t.shape) : tf.sum(dy, axes);
      }),
  });
}
