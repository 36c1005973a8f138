import { defaultGenerator } from '../../random/generator';
import type { Tensor } from '../../tensor/tensor';
import { finish, numelOf, requireFloat, resolveDType, sizeAndOptions, type RandomOptions, type Size } from './creation-options';
import { hostTensor } from './host-values';

/**
 * Uniform random numbers in [0, 1) (PyTorch's `torch.rand`), drawn from PyTorch's CPU generator
 * algorithm: after `manualSeed(s)` the values equal `torch.rand` after `torch.manual_seed(s)`.
 *
 * @param options `generator` (@default the default generator), `dtype` (float only, @default
 *   'float32'), `requiresGrad` (@default false).
 * @example
 * ```ts
 * dl.manualSeed(0);
 * dl.rand([3]).tolist(); // [0.4963, 0.7682, 0.0885]
 * ```
 */
export function rand(size: Size, options?: RandomOptions): Tensor;
export function rand(...size: number[]): Tensor;
export function rand(...args: unknown[]): Tensor {
  const [shape, options] = sizeAndOptions<RandomOptions>(args, 'rand');
  const dtype = resolveDType(options, 'float32', 'rand');
  requireFloat(dtype, 'rand');
  const values = (options.generator ?? defaultGenerator).fillUniform(new Float32Array(numelOf(shape)));
  return finish(hostTensor(values, shape, dtype), options);
}
