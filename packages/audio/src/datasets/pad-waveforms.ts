import { CollateError, type Collated, defaultCollate, type DType, Tensor, tensor, ValueError } from '@dl/core';
import { checkPadOptions, type PadWaveformsOptions } from './internal/pad-options';

export type { PadWaveformsOptions } from './internal/pad-options';

/**
 * An item {@link padWaveforms} batches: a waveform `[..., frames]`, its sample rate, then anything `defaultCollate` takes.
 *
 * @example
 * ```ts
 * const item: WaveformItem = [dl.zeros([1, 16000]), 16000, 'yes'];
 * ```
 */
export type WaveformItem = readonly [waveform: Tensor, sampleRate: number, ...rest: unknown[]];

/**
 * The batch {@link padWaveforms} makes of `I` items: padded waveforms, their lengths (int32
 * `[B]`), the sample rates (int32 `[B]`), then each further field collated by `defaultCollate`.
 *
 * @example
 * ```ts
 * type Batch = PaddedBatch<Vctk092Item>; // [Tensor, Tensor, Tensor, string[], string[], string[]]
 * ```
 */
export type PaddedBatch<I extends WaveformItem> = I extends readonly [Tensor, number, ...infer R]
  ? [waveforms: Tensor, lengths: Tensor, sampleRates: Tensor, ...rest: { [K in keyof R]: Collated<R[K]> }]
  : never;

const WHO = 'padWaveforms';

/**
 * Batches items whose first two fields are a waveform and its sample rate, padding the
 * waveforms' last (time) dimension to the longest: `[waveform, sampleRate, ...rest]` items become
 * `[waveforms, lengths, sampleRates, ...rest]`, with `waveforms` `[B, C, maxLen]` (or
 * `[maxLen, B, C]` with `batchFirst: false`), `lengths` the frames of each waveform before
 * padding (int32 `[B]`), `sampleRates` int32 `[B]`, and every further field collated by
 * `defaultCollate` (YESNO's eight labels become eight `[B]` tensors; strings a `string[]`).
 * Waveforms of any rank pad the same way; all but the last dimension, and the dtype, must agree.
 * The values are copied (no autograd through the padding).
 *
 * A bad batch throws a `CollateError` naming the batch position and the shapes or types.
 * For a DataLoader, {@link padCollate} binds the options (and runs in worker threads too).
 *
 * @example
 * ```ts
 * const [waveforms, lengths, sampleRates, labels] = padWaveforms([
 *   [dl.ones([1, 3]), 8000, 'yes'],
 *   [dl.ones([1, 5]), 8000, 'no'],
 * ]);
 * waveforms.shape; // [2, 1, 5]: the first row is [1, 1, 1, 0, 0]
 * lengths.tolist(); // [3, 5]
 * labels; // ['yes', 'no']
 * ```
 */
export function padWaveforms<I extends WaveformItem>(items: readonly I[], options: PadWaveformsOptions = {}): PaddedBatch<I> {
  const { padValue, batchFirst } = checkPadOptions(options, WHO);
  if (!Array.isArray(items)) throw new CollateError(`${WHO}: expected the batch to be an array of items, got ${typeof items}`);
  if (items.length === 0) throw new CollateError(`${WHO}: the batch is empty`);
  const width = checkItems(items);
  const waveforms: Tensor[] = items.map((item) => item[0] as Tensor);
  const first = waveforms[0]!;
  const lead = first.shape.slice(0, -1);
  const dtype = first.dtype;
  for (let b = 1; b < waveforms.length; b++) {
    const w = waveforms[b]!;
    const wLead = w.shape.slice(0, -1);
    if (wLead.length !== lead.length || wLead.some((d, k) => d !== lead[k])) {
      throw new CollateError(
        `${WHO}: waveforms must agree in all but their last (time) dimension, but got [${first.shape.join(', ')}] at batch position 0 and [${w.shape.join(', ')}] at batch position ${b}`,
      );
    }
    if (w.dtype !== dtype) throw new CollateError(`${WHO}: waveforms must share a dtype, but got ${dtype} at batch position 0 and ${w.dtype} at batch position ${b}`);
  }
  if (dtype !== 'float32' && !Number.isInteger(padValue)) throw new ValueError(`${WHO}: padValue must be an integer for ${dtype} waveforms, got ${padValue}`);

  const lengths = waveforms.map((w) => w.shape[w.shape.length - 1]!);
  const maxLen = Math.max(...lengths);
  const rows = lead.reduce((a, d) => a * d, 1);
  const batch = waveforms.length;
  const out = allocate(dtype, batch * rows * maxLen).fill(padValue);
  waveforms.forEach((w, b) => {
    const src = w.dataSync();
    const len = lengths[b]!;
    for (let r = 0; r < rows; r++) {
      for (let t = 0; t < len; t++) {
        // batch first: [b, r, t]; time first: [t, b, r]
        const at = batchFirst ? (b * rows + r) * maxLen + t : (t * batch + b) * rows + r;
        out[at] = src[r * len + t]!;
      }
    }
  });
  const shape = batchFirst ? [batch, ...lead, maxLen] : [maxLen, batch, ...lead];
  const padded = tensor(out, { dtype }).reshape(shape);

  const rest: unknown[] = [];
  for (let j = 2; j < width; j++) rest.push(defaultCollate(items.map((item) => item[j])));
  return [padded, tensor(Int32Array.from(lengths), { dtype: 'int32' }), defaultCollate(items.map((item) => item[1])), ...rest] as PaddedBatch<I>;
}

function checkItems(items: readonly WaveformItem[]): number {
  const width = Array.isArray(items[0]) ? items[0].length : -1;
  items.forEach((item, b) => {
    if (!Array.isArray(item) || item.length < 2) {
      throw new CollateError(`${WHO}: each item must be [waveform, sampleRate, ...], but batch position ${b} holds ${Array.isArray(item) ? `an array of ${item.length}` : typeof item}`);
    }
    if (item.length !== width) throw new CollateError(`${WHO}: items must have the same number of fields, but batch position 0 has ${width} and batch position ${b} has ${item.length}`);
    if (!(item[0] instanceof Tensor)) throw new CollateError(`${WHO}: the first field must be a waveform Tensor, but batch position ${b} holds ${typeof item[0]}`);
    if (item[0].shape.length === 0) throw new CollateError(`${WHO}: a waveform needs a time dimension, but batch position ${b} holds a scalar tensor`);
    if (typeof item[1] !== 'number') throw new CollateError(`${WHO}: the second field must be the sample rate (a number), but batch position ${b} holds ${typeof item[1]}`);
  });
  return width;
}

function allocate(dtype: DType, size: number): Float32Array | Int32Array | Uint8Array {
  return dtype === 'float32' ? new Float32Array(size) : dtype === 'int32' ? new Int32Array(size) : new Uint8Array(size);
}
