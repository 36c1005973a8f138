import { ArgumentTypeError, DTypeError, ShapeError, Tensor, ValueError } from '@dl/core';
import { Image } from '../../image/image';
import { describeInput } from '../../transforms/functional/internal/image-input';
import type { RawChannels, RawImage } from './raw-image';

/**
 * @internal What an encoder takes, as HWC 8-bit pixels: an {@link Image} as it is; an int32
 * `[C, H, W]` tensor of 0..255 integers; a float32 `[C, H, W]` tensor in [0, 1], scaled as
 * torchvision's `save_image` does (`x * 255 + 0.5`, clamped to 0..255, truncated; in float32).
 */
export function encodeSource(input: unknown, op: string, allowed: readonly RawChannels[]): RawImage {
  const names = allowed.join(', ');
  if (input instanceof Image) {
    const channels = input.channels as RawChannels;
    if (!allowed.includes(channels)) throw new ValueError(`${op}: cannot write mode ${input.mode} (${channels} channels; expected ${names})`);
    return { width: input.width, height: input.height, channels, data: input.data };
  }
  if (!(input instanceof Tensor)) throw new ArgumentTypeError(`${op}: expected an Image or a [C, H, W] image tensor, got ${describeInput(input)}`);
  const shape = input.shape;
  if (shape.length !== 3) throw new ShapeError(`${op}: expected a [C, H, W] image tensor, got shape [${shape.join(', ')}]`);
  const [c, h, w] = shape as [number, number, number];
  if (!allowed.includes(c as RawChannels)) throw new ShapeError(`${op}: expected ${names} channels in a [C, H, W] tensor, got shape [${shape.join(', ')}]`);
  if (h === 0 || w === 0) throw new ShapeError(`${op}: cannot encode an empty image, got shape [${shape.join(', ')}]`);
  if (input.dtype !== 'int32' && input.dtype !== 'float32') {
    throw new DTypeError(`${op}: expected an int32 (0..255) or float32 ([0, 1]) image tensor, got dtype ${input.dtype}`);
  }
  const values = input.dataSync();
  const plane = h * w;
  const out = new Uint8Array(plane * c);
  const f32 = Math.fround;
  for (let k = 0; k < c; k++) {
    for (let i = 0; i < plane; i++) {
      const v = values[k * plane + i]!;
      let byte: number;
      if (input.dtype === 'int32') {
        if (v < 0 || v > 255) throw new ValueError(`${op}: an int32 image tensor holds 0..255, got ${v} at channel ${k}, pixel ${i}`);
        byte = v;
      } else {
        const s = f32(f32(v * 255) + 0.5);
        byte = s >= 255 ? 255 : s > 0 ? Math.trunc(s) : 0; // NaN -> 0, as the clamp and uint8 cast
      }
      out[i * c + k] = byte;
    }
  }
  return { width: w, height: h, channels: c as RawChannels, data: out };
}
