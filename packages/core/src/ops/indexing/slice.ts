import { ValueError } from '../../errors/value-error';

/** A Python-style slice `start:stop:step` for {@link index}; `null`/omitted parts take defaults. */
export interface Slice {
  /** Marks the object as a slice. */
  readonly kind: 'slice';
  /** First position (negative counts from the end). @default 0 */
  readonly start: number | null;
  /** Position to stop before (negative counts from the end). @default the size */
  readonly stop: number | null;
  /** Stride, a positive integer (PyTorch has no negative steps; use `flip`). @default 1 */
  readonly step: number | null;
}

/**
 * Makes a slice for {@link index}, like Python's `slice()`: `slice(stop)`, `slice(start, stop)`,
 * `slice(start, stop, step)`; pass `null` to leave a part at its default.
 *
 * | Python          | TypeScript                      |
 * |-----------------|---------------------------------|
 * | `x[1:3]`        | `x.index(slice(1, 3))`          |
 * | `x[:, ::2]`     | `x.index(slice(), slice(null, null, 2))` |
 * | `x[-2:]`        | `x.index(slice(-2, null))`      |
 * | `x[..., :3]`    | `x.index('...', slice(3))`      |
 *
 * @example
 * ```ts
 * dl.tensor([0, 1, 2, 3, 4]).index(slice(1, null, 2)).tolist(); // [1, 3]
 * ```
 */
export function slice(): Slice;
export function slice(stop: number | null): Slice;
export function slice(start: number | null, stop: number | null, step?: number | null): Slice;
export function slice(a?: number | null, b?: number | null, c?: number | null): Slice {
  const [start, stop, step] = b === undefined ? [null, a ?? null, null] : [a ?? null, b ?? null, c ?? null];
  for (const v of [start, stop, step]) {
    if (v !== null && !Number.isInteger(v)) throw new ValueError(`slice: start, stop and step must be integers or null (got ${String(v)})`);
  }
  if (step !== null && step <= 0) throw new ValueError(`slice: step must be greater than zero (got ${step}); use flip() to reverse`);
  return { kind: 'slice', start, stop, step };
}

