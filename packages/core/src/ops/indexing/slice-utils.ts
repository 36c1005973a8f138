import type { Slice } from './slice';

/** @internal Whether a value is a slice made by {@link slice}. */
export function isSlice(v: unknown): v is Slice {
  return typeof v === 'object' && v !== null && (v as Slice).kind === 'slice';
}

/** @internal Python's `slice.indices(n)`: clamped start, stop and the step. */
export function sliceIndices(s: Slice, n: number): [number, number, number] {
  const step = s.step ?? 1;
  const clamp = (v: number | null, dflt: number) => {
    if (v === null) return dflt;
    const w = v < 0 ? v + n : v;
    return Math.min(Math.max(w, 0), n);
  };
  const start = clamp(s.start, 0);
  const stop = Math.max(clamp(s.stop, n), start);
  return [start, stop, step];
}
