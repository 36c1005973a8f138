import { hasOptionalKernel, OPTIONAL_KERNELS, runOptionalKernel } from '../../backend/optional-kernels';
import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';

/**
 * Gradient of `Relu`: `dy` where `x > 0`, else 0 (0 at the kink, as PyTorch). One fused kernel
 * where the backend has it (@dl/backend-native's `DlReluGrad`), else a comparison, a cast and a
 * product.
 */
export const reluGradient: KernelGradient = {
  kernelName: 'Relu',
  inputNames: ['x'],
  saveInputs: ['x'],
  gradFunc: (dy, [x]) => {
    if (dy.dtype === 'float32' && x.dtype === 'float32' && hasOptionalKernel(OPTIONAL_KERNELS.reluGrad)) {
      return [runOptionalKernel(OPTIONAL_KERNELS.reluGrad, { dy, x }, {})[0]];
    }
    return [tf.mul(dy, tf.cast(tf.greater(x, 0), 'float32'))];
  },
};
