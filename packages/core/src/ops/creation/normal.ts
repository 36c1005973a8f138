import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { ValueError } from '../../errors/value-error';
import { defaultGenerator } from '../../random/generator';
import { Tensor } from '../../tensor/tensor';
import { broadcastShapes, castTo, scalarTensor } from '../operands';
import { checkSize, finish, numelOf, requireFloat, resolveDType, type RandomOptions, type Size } from './creation-options';
import { describeArg } from '../../tensor/describe-arg';
import { ArgumentTypeError } from '../../errors/argument-type-error';

function checkStd(std: number | Tensor): void {
  if (typeof std === 'number') {
    if (!(std >= 0)) throw new ValueError(`normal: expects std >= 0.0, but found std ${std}`);
    return;
  }
  const bad = tf.tidy(() => tf.any(tf.logicalNot(tf.greaterEqual(std._value, 0))));
  const hit = bad.dataSync()[0] !== 0;
  bad.dispose();
  if (hit) throw new ValueError('normal: expects all elements of std >= 0.0');
}

/**
 * Normal random numbers with the given mean and standard deviation (PyTorch's `torch.normal`):
 * `normal(mean, std, size)` with numbers, or `normal(mean, std)` where either is a tensor (the
 * result has their broadcast shape). As in PyTorch, no gradient flows to `mean` or `std`.
 *
 * @param options `generator` (@default the default generator), `dtype` (float only, @default
 *   'float32'), `requiresGrad` (@default false).
 * @example
 * ```ts
 * dl.normal(2, 3, [3]); // 3 samples of N(2, 9)
 * dl.normal(dl.tensor([0, 10, 100]), 1); // one sample around each mean
 * ```
 */
export function normal(mean: number, std: number, size: Size, options?: RandomOptions): Tensor;
export function normal(mean: number | Tensor, std: number | Tensor, options?: RandomOptions): Tensor;
export function normal(mean: number | Tensor, std: number | Tensor, c?: Size | RandomOptions, d?: RandomOptions): Tensor {
  const hasSize = Array.isArray(c) || typeof c === 'number';
  const options: RandomOptions = (hasSize ? d : (c as RandomOptions | undefined)) ?? {};
  for (const [what, v] of [['mean', mean], ['std', std]] as const) {
    if (typeof v !== 'number' && !(v instanceof Tensor)) throw new ArgumentTypeError(`normal: ${what} must be a number or a Tensor, got ${describeArg(v)}`);
  }
  checkStd(std);
  const gen = options.generator ?? defaultGenerator;
  const dtype = resolveDType(options, 'float32', 'normal');
  requireFloat(dtype, 'normal');
  if (typeof mean === 'number' && typeof std === 'number') {
    if (!hasSize) throw new ValueError('normal: with number mean and std, a size is required: normal(mean, std, size)');
    const shape = checkSize(c, 'normal');
    const values = gen.fillNormal(new Float32Array(numelOf(shape)), mean, std);
    return finish(Tensor._owned(tf.tensor(values, shape, 'float32')), options);
  }
  const m = mean instanceof Tensor ? castTo(mean, 'float32') : scalarTensor(mean, 'float32');
  const s = std instanceof Tensor ? castTo(std, 'float32') : scalarTensor(std, 'float32');
  const shape = broadcastShapes(m.shape, s.shape, 'normal');
  if (hasSize) {
    const given = checkSize(c, 'normal');
    if (given.join(',') !== shape.join(',')) {
      throw new ValueError(`normal: size [${given.join(', ')}] does not match the broadcast shape [${shape.join(', ')}] of mean and std`);
    }
  }
  const noise = gen.fillNormal(new Float32Array(numelOf(shape)));
  const out = runOp({
    name: 'Normal',
    inputs: [m, s],
    forward: () => tf.tidy(() => tf.add(tf.mul(tf.tensor(noise, shape, 'float32'), s._value), m._value)),
    // PyTorch's normal is not reparameterized: zero gradients for mean and std.
    backward: (dy) => [tf.zerosLike(dy), tf.zerosLike(dy)],
  });
  return finish(out, options);
}
