import { tf, type TfTensor } from '../../backend/tfjs';
import { Tensor } from '../../tensor/tensor';
import { topkLast } from './topk-raw';
import { assertTensor, assertOptions } from '../arg-checks';

/** Options of {@link unique}. */
export interface UniqueOptions {
  /** Return the unique values in ascending order (else in order of first appearance). @default true */
  sorted?: boolean;
  /** Also return, for every input element, the position of its value in the result. @default false */
  returnInverse?: boolean;
  /** Also return how often each unique value occurs. @default false */
  returnCounts?: boolean;
}

/** What {@link unique} returns when asked for inverse indices or counts. */
export interface UniqueResult {
  /** The unique values (1-D). */
  values: Tensor;
  /** For every input element, the index of its value in `values` (int32, the input's shape). */
  inverse?: Tensor;
  /** How often each value occurs (int32). */
  counts?: Tensor;
}

/**
 * The unique elements of the flattened input (PyTorch's `torch.unique`), sorted by default.
 *
 * @example
 * ```ts
 * dl.unique(dl.tensor([2, 1, 2, 3])).tolist(); // [1, 2, 3]
 * const { values, inverse, counts } = dl.unique(x, { returnInverse: true, returnCounts: true });
 * ```
 */
export function unique(input: Tensor, options?: UniqueOptions & { returnInverse?: false; returnCounts?: false }): Tensor;
export function unique(input: Tensor, options: UniqueOptions): UniqueResult;
export function unique(input: Tensor, options: UniqueOptions = {}): Tensor | UniqueResult {
  assertTensor(input, 'unique');
  assertOptions(options, 'unique', '{ sorted: true, returnCounts: true }');
  const sorted = options.sorted ?? true;
  const dtype = input.dtype;
  const [values, inverse, counts] = tf.tidy(() => {
    const flat = tf.reshape(dtype === 'bool' ? tf.cast(input._value, 'int32') : input._value, [-1]);
    if (flat.size === 0) return [tf.zeros([0], flat.dtype), tf.zeros(input.shape, 'int32'), tf.zeros([0], 'int32')];
    const u = tf.unique(flat);
    let vals: TfTensor = u.values;
    let inv: TfTensor = u.indices;
    const m = vals.size;
    if (sorted) {
      const order = topkLast(vals, m, false, true);
      vals = tf.gather(vals, order);
      // rank[order[i]] = i turns first-appearance positions into sorted positions.
      const rank = tf.scatterND(tf.reshape(order, [m, 1]), tf.range(0, m, 1, 'int32'), [m]);
      inv = tf.gather(rank, inv);
    }
    const cnt = tf.scatterND(tf.reshape(inv, [-1, 1]), tf.ones([inv.size], 'int32'), [m]);
    return [vals, tf.reshape(inv, input.shape), cnt];
  });
  const out = Tensor._owned(dtype === 'bool' ? tf.tidy(() => tf.cast(values, 'bool')) : values);
  if (dtype === 'bool') values.dispose();
  if (!options.returnInverse && !options.returnCounts) {
    inverse.dispose();
    counts.dispose();
    return out;
  }
  const result: UniqueResult = { values: out };
  if (options.returnInverse) result.inverse = Tensor._owned(inverse);
  else inverse.dispose();
  if (options.returnCounts) result.counts = Tensor._owned(counts);
  else counts.dispose();
  return result;
}
