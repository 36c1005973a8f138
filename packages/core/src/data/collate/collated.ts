import type { Tensor } from '../../tensor/tensor';
import type { TypedArray } from './tensor-like';

/**
 * The type `defaultCollate` makes of a batch of `T`s: tensors, typed arrays, numbers and booleans
 * become one Tensor; strings a `string[]`; tuples, arrays, objects and Maps keep their shape with
 * each position or key collated. So a `Dataset<[Tensor, number]>` gives `[Tensor, Tensor]` batches.
 *
 * @example
 * ```ts
 * type Batch = dl.Collated<{ image: dl.Tensor; label: number; id: string }>;
 * // { image: Tensor; label: Tensor; id: string[] }
 * ```
 */
export type Collated<T> = T extends Tensor | TypedArray | number | boolean | bigint
  ? Tensor
  : T extends string
    ? string[]
    : T extends ReadonlyMap<infer K, infer V>
      ? Map<K, Collated<V>>
      : T extends readonly unknown[]
        ? { -readonly [P in keyof T]: Collated<T[P]> }
        : T extends object
          ? { -readonly [P in keyof T]: Collated<T[P]> }
          : never;

/**
 * The type `defaultConvert` makes of one item (no batching): typed arrays become Tensors, the rest
 * keeps its type, inside arrays, objects and Maps too.
 *
 * @example
 * ```ts
 * type Item = dl.Converted<[Float32Array, number]>; // [Tensor, number]
 * ```
 */
export type Converted<T> = T extends TypedArray
  ? Tensor
  : T extends Tensor | number | boolean | bigint | string | null | undefined
    ? T
    : T extends ReadonlyMap<infer K, infer V>
      ? Map<K, Converted<V>>
      : T extends readonly unknown[]
        ? { -readonly [P in keyof T]: Converted<T[P]> }
        : T extends object
          ? { -readonly [P in keyof T]: Converted<T[P]> }
          : T;
