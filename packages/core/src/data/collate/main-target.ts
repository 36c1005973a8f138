import { tf } from '../../backend/tfjs';
import { isGradEnabled } from '../../autograd/grad-mode';
import { stack } from '../../ops/shape/index';
import { Tensor } from '../../tensor/tensor';
import type { CollateTarget } from './collate-tree';

/**
 * @internal Collation in the thread that uses the batch: packed values become Tensors that own
 * their buffer (no copy on the cpu backend); tensors that need gradients go through `stack` so
 * autograd sees the batch.
 */
export const mainTarget: CollateTarget = {
  fromPacked: (data, shape, dtype) => Tensor._owned(tf.tensor(data, shape, dtype)),
  stackWithGrad: (tensors) => (isGradEnabled() ? stack(tensors as Tensor[]) : undefined),
};
