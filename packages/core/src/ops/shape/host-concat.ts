import { HOST_MAX_ELEMENTS, hostArray, type HostValue } from '../../tensor/host-value';
import type { Tensor } from '../../tensor/tensor';

/**
 * @internal `cat` (or `stack`, with `newAxis`) of host tensors on the JavaScript heap: checked
 * shapes and one dtype (the callers promote and check first). Null when the result is too large
 * for the host, so the backend's kernel runs.
 */
export function hostConcat(parts: readonly Tensor[], axis: number, newAxis: boolean): HostValue | null {
  const first = parts[0];
  const dtype = first._dtype;
  let total = 0;
  for (const p of parts) {
    if (p._dtype !== dtype) return null;
    total += p._h!.length;
  }
  if (total > HOST_MAX_ELEMENTS) return null;
  const base = first._shape;
  // Elements before the axis (outer) and each part's contiguous run per outer index.
  let outer = 1;
  for (let d = 0; d < axis; d++) outer *= base[d];
  const shape = base.slice();
  if (newAxis) shape.splice(axis, 0, parts.length);
  else {
    let along = 0;
    for (const p of parts) along += p._shape[axis];
    shape[axis] = along;
  }
  const data = hostArray(dtype, total);
  if (outer === 1) {
    let at = 0;
    for (const p of parts) {
      data.set(p._h! as never, at);
      at += p._h!.length;
    }
  } else {
    let at = 0;
    for (let o = 0; o < outer; o++) {
      for (const p of parts) {
        const h = p._h!;
        const run = h.length / outer;
        data.set(h.subarray(o * run, (o + 1) * run) as never, at);
        at += run;
      }
    }
  }
  return { data, shape, dtype };
}
