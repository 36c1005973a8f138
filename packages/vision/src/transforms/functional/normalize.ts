import { ArgumentTypeError, DTypeError, ShapeError, ValueError, div, div_, sub, sub_, type Tensor } from '@dl/core';
import { checkTensorOnly, fmtShape } from './internal/color-checks';
import { tensorFrom } from './internal/color-tensor';

function channelValues(values: readonly number[], name: string, channels: number, shape: readonly number[]): Float32Array {
  if (!Array.isArray(values) || values.some((v) => typeof v !== 'number')) {
    throw new ArgumentTypeError(`normalize: expected ${name} to be an array of numbers, got ${JSON.stringify(values)}`);
  }
  if (values.length !== 1 && values.length !== channels) {
    throw new ShapeError(`normalize: ${name} has ${values.length} values, expected 1 or one per channel (${channels}) for a tensor of shape ${fmtShape(shape)}`);
  }
  return Float32Array.from(values);
}

/**
 * Normalizes a float image tensor `[..., C, H, W]` per channel: `(x - mean[c]) / std[c]`
 * (torchvision's `normalize`), in float32 as PyTorch computes it: one subtraction and one
 * division over the whole batch. Tensors only; an {@link Image} needs `toTensor` first.
 *
 * @param mean one value per channel (or one for all).
 * @param std one value per channel (or one for all); none may be 0.
 * @param inplace change `tensor` itself and return it. @default false
 * @example
 * ```ts
 * const x = toTensor(img); // [3, H, W] in [0, 1]
 * const y = normalize(x, [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]);
 * ```
 */
export function normalize(tensor: Tensor, mean: readonly number[], std: readonly number[], inplace = false): Tensor {
  checkTensorOnly(tensor, 'normalize');
  if (tensor.dtype !== 'float32') {
    throw new DTypeError(`normalize: expected a float32 tensor, got dtype ${tensor.dtype} (convert an 8-bit tensor with convertImageDtype first)`);
  }
  const shape = tensor.shape;
  if (shape.length < 3) {
    throw new ShapeError(`normalize: expected a tensor image [..., C, H, W] (rank >= 3), got shape ${fmtShape(shape)}`);
  }
  const c = shape[shape.length - 3]!;
  const m = channelValues(mean, 'mean', c, shape);
  const s = channelValues(std, 'std', c, shape);
  if (s.some((v) => v === 0)) {
    throw new ValueError(`normalize: std evaluated to zero after conversion to float32, leading to division by zero (std [${std.join(', ')}])`);
  }
  const mt = tensorFrom(m, [m.length, 1, 1]);
  const st = tensorFrom(s, [s.length, 1, 1]);
  return inplace ? div_(sub_(tensor, mt), st) : div(sub(tensor, mt), st);
}
