import { tf } from '../../backend/tfjs';
import { DTypeError } from '../../errors/dtype-error';
import { ValueError } from '../../errors/value-error';
import { defaultGenerator, type Generator } from '../../random/generator';
import { Tensor } from '../../tensor/tensor';

/** Options every random initialiser takes. */
export interface InitOptions {
  /** Source of randomness. @default the default generator (seeded by `manualSeed`) */
  generator?: Generator;
}

/** @internal Checks `tensor` is a live float tensor an initialiser may fill. */
export function checkTarget(tensor: unknown, fn: string): asserts tensor is Tensor {
  if (!(tensor instanceof Tensor)) throw new ValueError(`${fn}: expected a Tensor, got ${tensor === null ? 'null' : typeof tensor}`);
  tensor._assertAlive(fn);
  if (tensor.dtype !== 'float32') throw new DTypeError(`${fn}: expected a float32 tensor, got dtype ${tensor.dtype}`);
}

/**
 * @internal Overwrites `tensor`'s values in place, outside autograd (as PyTorch's init runs
 * under `no_grad`), bumping its version.
 */
export function writeValues(tensor: Tensor, values: Float32Array): Tensor {
  tensor._replaceValue(tf.keep(tf.tensor(values, tensor.shape, 'float32')));
  return tensor;
}

/** @internal Fills with U(a, b) from the generator, PyTorch's CPU draw order. */
export function fillUniform(tensor: Tensor, a: number, b: number, options: InitOptions, fn: string): Tensor {
  checkTarget(tensor, fn);
  if (!(a <= b)) throw new ValueError(`${fn}: expects a <= b, but found a=${a} > b=${b}`);
  const gen = options.generator ?? defaultGenerator;
  return writeValues(tensor, gen.fillUniform(new Float32Array(tensor.numel()), a, b));
}

/** @internal Fills with N(mean, std²) from the generator, PyTorch's CPU algorithm. */
export function fillNormal(tensor: Tensor, mean: number, std: number, options: InitOptions, fn: string): Tensor {
  checkTarget(tensor, fn);
  if (!(std >= 0)) throw new ValueError(`${fn}: expects std >= 0.0, but found std ${std}`);
  const gen = options.generator ?? defaultGenerator;
  return writeValues(tensor, gen.fillNormal(new Float32Array(tensor.numel()), mean, std));
}
