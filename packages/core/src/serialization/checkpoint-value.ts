import type { Tensor } from '../tensor/tensor';

/**
 * What `load` and `deserialize` return: tensors, numbers (Python ints beyond 2^53 as bigint),
 * strings, booleans, null, bytes, and arrays/objects of them (Python lists and tuples become
 * arrays, dicts and OrderedDicts become plain objects with string keys; `save` also takes a
 * `Map` to write non-string keys).
 *
 * @example
 * ```ts
 * const ckpt: CheckpointValue = { model: model.stateDict(), epoch: 3, losses: [0.9, 0.5] };
 * ```
 */
export type CheckpointValue =
  | Tensor
  | number
  | bigint
  | string
  | boolean
  | null
  | Uint8Array
  | CheckpointValue[]
  | { [key: string]: CheckpointValue }
  | Map<string | number, CheckpointValue>;

/** @internal True for `{}`-made objects (not class instances, arrays, Maps or typed arrays). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** @internal A readable path for messages: `model.0.weight`, `losses[2]`, `<root>`. */
export function pathText(path: readonly (string | number)[]): string {
  if (path.length === 0) return '<root>';
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? p : `.${p}`;
  return out;
}
