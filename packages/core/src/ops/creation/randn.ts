import { defaultGenerator } from '../../random/generator';
import type { Tensor } from '../../tensor/tensor';
import { finish, numelOf, requireFloat, resolveDType, sizeAndOptions, type RandomOptions, type Size } from './creation-options';
import { hostTensor } from './host-values';

/**
 * Standard normal random numbers (PyTorch's `torch.randn`), with PyTorch's CPU algorithm: after
 * `manualSeed(s)` the values equal `torch.randn` after `torch.manual_seed(s)`.
 *
 * @param options `generator` (@default the default generator), `dtype` (float only, @default
 *   'float32'), `requiresGrad` (@default false).
 * @example
 * ```ts
 * dl.manualSeed(0);
 * dl.randn([3]).tolist(); // [1.5410, -0.2934, -2.1788]
 * ```
 */
export function randn(size: Size, options?: RandomOptions): Tensor;
export function randn(...size: number[]): Tensor;
export function randn(...args: unknown[]): Tensor {
  const [shape, options] = sizeAndOptions<RandomOptions>(args, 'randn');
  const dtype = resolveDType(options, 'float32', 'randn');
  requireFloat(dtype, 'randn');
  const values = (options.generator ?? defaultGenerator).fillNormal(new Float32Array(numelOf(shape)));
  return finish(hostTensor(values, shape, dtype), options);
}
