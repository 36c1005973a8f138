import { ValueError } from '../../errors/value-error';

/** An adaptive pooling output size: one number, or one per spatial dimension (`null` keeps the input's). */
export type AdaptiveSize = number | readonly (number | null)[];

/** @internal Resolves an adaptive output size against the input's spatial sizes. */
export function resolveAdaptiveSize(outputSize: AdaptiveSize, spatial: number[], op: string): number[] {
  const n = spatial.length;
  const raw = typeof outputSize === 'number' ? new Array<number | null>(n).fill(outputSize) : Array.from(outputSize);
  if (raw.length !== n) {
    throw new ValueError(`${op}: expected outputSize to be a single integer or a tuple of ${n} values, but got outputSize=${JSON.stringify(outputSize)}`);
  }
  return raw.map((v, i) => {
    const s = v ?? spatial[i];
    if (!Number.isInteger(s) || s < 1) throw new ValueError(`${op}: outputSize must be positive integers (got ${JSON.stringify(outputSize)})`);
    return s;
  });
}
