// Shared by every dropout variant: argument checks, the Bernoulli mask from a Generator, and the
// fused `input * mask (+ shift)` op.
import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { DTypeError } from '../../errors/dtype-error';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import { defaultGenerator, type Generator } from '../../random/generator';
import type { Tensor } from '../../tensor/tensor';
import { inplace } from '../inplace/inplace';

/** Options of the dropout functions. */
export interface DropoutOptions {
  /** Probability of zeroing an element (or a channel). @default 0.5 */
  p?: number;
  /** Apply dropout; when false the input is returned unchanged. @default true */
  training?: boolean;
  /** Source of the random mask. @default defaultGenerator */
  generator?: Generator;
  /** Write the result into the input and return it (not on a leaf that requires grad). @default false */
  inplace?: boolean;
}

// SELU's -alpha * scale, the value alpha dropout drops to before its affine correction.
const ALPHA = 1.7580993408473766;

/** @internal The channel-mask shape [N, C, 1, ...] (or [C, 1, ...] unbatched) of `shape`. */
export function channelMaskShape(shape: number[], batched: boolean): number[] {
  const lead = batched ? 2 : 1;
  return shape.map((d, i) => (i < lead ? d : 1));
}

/** @internal Checks the input rank of a channel-wise dropout; returns whether it is batched. */
export function channelRank(input: Tensor, op: string, spatial: number): boolean {
  const r = input.dim();
  if (r !== spatial + 1 && r !== spatial + 2) {
    throw new ShapeError(
      `${op}: expected ${spatial + 1}-D or ${spatial + 2}-D input ((C, *) or (N, C, *) with ${spatial} spatial dimension${spatial > 1 ? 's' : ''}), got shape [${input.shape.join(', ')}]`,
    );
  }
  return r === spatial + 2;
}

/**
 * @internal Dropout with a mask of `maskShape` (the input's shape, or a channel shape that
 * broadcasts). Plain dropout scales kept values by 1/(1-p); alpha dropout keeps SELU's mean and
 * variance (PyTorch's `_dropout_impl`).
 */
export function dropoutCore(name: string, op: string, input: Tensor, options: DropoutOptions, maskShape: number[] | null, alpha: boolean): Tensor {
  const p = options.p ?? 0.5;
  const training = options.training ?? true;
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
    throw new ValueError(`${op}: dropout probability has to be between 0 and 1, but got ${p}`);
  }
  if (!training || p === 0 || input.numel() === 0) return input;
  if (input.dtype !== 'float32') throw new DTypeError(`${op}: expected a float32 input, got ${input.dtype}`);
  if (options.inplace) {
    return inplace(input, `${op}_`, (self) => dropoutCore(name, op, self, { ...options, inplace: false }, maskShape, alpha));
  }
  const shape = maskShape ?? input.shape;
  if (p === 1) {
    return runOp({
      name,
      inputs: [input],
      forward: () => tf.tidy(() => tf.mul(input._value, tf.scalar(0))),
      backward: (dy) => [tf.mul(dy, 0)],
    });
  }
  const gen = options.generator ?? defaultGenerator;
  const n = shape.reduce((a, b) => a * b, 1);
  const keep = 1 - p;
  const scale = alpha ? 1 / Math.sqrt((ALPHA * ALPHA * p + 1) * keep) : 1 / keep;
  const maskData = new Float32Array(n);
  const shiftData = alpha ? new Float32Array(n) : null;
  const shiftKept = ALPHA * scale * p;
  const shiftDropped = ALPHA * scale * (p - 1);
  for (let i = 0; i < n; i++) {
    const kept = gen.nextFloat() < keep;
    maskData[i] = kept ? scale : 0;
    if (shiftData) shiftData[i] = kept ? shiftKept : shiftDropped;
  }
  return runOp({
    name,
    inputs: [input],
    forward: () => {
      const mask = tf.tensor(maskData, shape, 'float32');
      const out = tf.tidy(() => {
        const y = tf.mul(input._value, mask);
        return shiftData ? tf.add(y, tf.tensor(shiftData, shape, 'float32')) : y;
      });
      return [out, mask];
    },
    backward: (dy, [mask]) => [tf.mul(dy, mask)],
  });
}
