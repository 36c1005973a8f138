import { isTensor, type ImageInput } from '../functional/internal/image-input';

/**
 * @internal The fill torchvision's random geometric transforms pass on: for a tensor, one value
 * per channel (a number repeated); for an Image, as given.
 */
export function fillFor(img: ImageInput, fill: number | readonly number[] | undefined, channels: number): number | number[] | undefined {
  if (fill === undefined) return undefined;
  if (isTensor(img)) return typeof fill === 'number' ? new Array<number>(channels).fill(fill) : [...fill];
  return typeof fill === 'number' ? fill : [...fill];
}
