import { tf, type TfTensor } from '../backend/tfjs';

/**
 * @internal Reduces a broadcast gradient back to the shape of the input it flows to (sums the
 * leading dimensions broadcasting added and the ones that were size 1).
 */
export function sumToShape(grad: TfTensor, shape: readonly number[]): TfTensor {
  const gs = grad.shape;
  if (gs.length === shape.length && gs.every((d, i) => d === shape[i])) return grad;
  const lead = gs.length - shape.length;
  const axes: number[] = [];
  for (let i = 0; i < gs.length; i++) {
    if (i < lead) axes.push(i);
    else if (shape[i - lead] === 1 && gs[i] !== 1) axes.push(i);
  }
  const summed = axes.length ? tf.sum(grad, axes, true) : grad;
  return tf.reshape(summed, shape as number[]);
}
