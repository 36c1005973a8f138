import { isPlainObject } from './describe-value';
import { allocFor } from './packed-tensor';
import { isTypedArray, typedArrayDType } from './tensor-like';
import type { CollateTarget } from './collate-tree';

/**
 * @internal PyTorch's `default_convert` over one item: typed arrays become tensors, arrays,
 * plain objects and Maps are converted inside, everything else is kept.
 */
export function convertTree(item: unknown, target: CollateTarget): unknown {
  if (isTypedArray(item)) {
    const dtype = typedArrayDType(item);
    const out = allocFor(dtype, item.length);
    if (item instanceof BigInt64Array || item instanceof BigUint64Array) for (let k = 0; k < item.length; k++) out[k] = Number(item[k]);
    else out.set(item);
    return target.fromPacked(out, [item.length], dtype);
  }
  if (Array.isArray(item)) return item.map((v) => convertTree(v, target));
  if (item instanceof Map) {
    const out = new Map<unknown, unknown>();
    for (const [k, v] of item) out.set(k, convertTree(v, target));
    return out;
  }
  if (isPlainObject(item)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(item)) out[key] = convertTree(item[key], target);
    return out;
  }
  return item;
}
