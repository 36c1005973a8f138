import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CollateError, type Tensor, tensor, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { expectThrows } from '../../test/fixtures/datasets/support';
import { padCollate } from './pad-collate';
import { padWaveforms } from './pad-waveforms';

/** A waveform [channels, frames] whose sample (c, t) is 100 * (c + 1) + t + base. */
function wave(channels: number, frames: number, base = 0): Tensor {
  const data = new Float32Array(channels * frames);
  for (let c = 0; c < channels; c++) for (let t = 0; t < frames; t++) data[c * frames + t] = 100 * (c + 1) + t + base;
  return tensor(data).reshape([channels, frames]);
}

describe('padWaveforms', () => {
  it('pads the time dimension to the longest waveform: [B, C, maxLen], lengths, sample rates, then the other fields collated', () => {
    const items: [Tensor, number, string, number[]][] = [
      [wave(1, 3), 8000, 'a', [0, 1]],
      [wave(1, 5, 10), 8000, 'b', [1, 1]],
      [wave(1, 2, 20), 16000, 'c', [1, 0]],
    ];
    const [waveforms, lengths, sampleRates, names, labels] = padWaveforms(items);
    expect(waveforms.shape).toEqual([3, 1, 5]);
    expect(waveforms.dtype).toBe('float32');
    expect(waveforms.tolist()).toEqual([[[100, 101, 102, 0, 0]], [[110, 111, 112, 113, 114]], [[120, 121, 0, 0, 0]]]);
    expect([lengths.dtype, lengths.tolist()]).toEqual(['int32', [3, 5, 2]]);
    expect([sampleRates.dtype, sampleRates.tolist()]).toEqual(['int32', [8000, 8000, 16000]]);
    expect(names).toEqual(['a', 'b', 'c']);
    // defaultCollate's rule for lists: one tensor per position.
    expect(labels.map((t) => t.tolist())).toEqual([
      [0, 1, 1],
      [1, 1, 0],
    ]);
  });

  it('puts time first with batchFirst: false, and pads with padValue', () => {
    const [waveforms, lengths] = padWaveforms(
      [
        [wave(2, 2), 16000],
        [wave(2, 3, 50), 16000],
      ],
      { batchFirst: false, padValue: -1 },
    );
    expect(waveforms.shape).toEqual([3, 2, 2]);
    // [t][b][c]
    expect(waveforms.tolist()).toEqual([
      [
        [100, 200],
        [150, 250],
      ],
      [
        [101, 201],
        [151, 251],
      ],
      [
        [-1, -1],
        [152, 252],
      ],
    ]);
    expect(lengths.tolist()).toEqual([2, 3]);
  });

  it('pads multi-channel waveforms batch first, and waveforms of any rank', () => {
    const [stereo] = padWaveforms([
      [wave(2, 1), 8000],
      [wave(2, 2), 8000],
    ]);
    expect(stereo.tolist()).toEqual([
      [
        [100, 0],
        [200, 0],
      ],
      [
        [100, 101],
        [200, 201],
      ],
    ]);
    const [mono] = padWaveforms([
      [tensor([1, 2, 3]), 8000],
      [tensor([4]), 8000],
    ]);
    expect([mono.shape, mono.tolist()]).toEqual([
      [2, 3],
      [
        [1, 2, 3],
        [4, 0, 0],
      ],
    ]);
    const [spectrograms, frames] = padWaveforms([
      [tensor([[[1, 2], [3, 4]]]), 100],
      [tensor([[[5], [6]]]), 100],
    ]);
    expect([spectrograms.shape, frames.tolist()]).toEqual([[2, 1, 2, 2], [2, 1]]);
    expect(spectrograms.tolist()).toEqual([[[[1, 2], [3, 4]]], [[[5, 0], [6, 0]]]]);
  });

  it('keeps an int32 dtype, and needs a whole padValue for it', () => {
    const ints = (values: number[]) => tensor(Int32Array.from(values)).reshape([1, values.length]);
    const [waveforms] = padWaveforms([[ints([1, -2]), 8000], [ints([3]), 8000]], { padValue: 7 });
    expect([waveforms.dtype, waveforms.tolist()]).toEqual(['int32', [[[1, -2]], [[3, 7]]]]);
    expectThrows(() => padWaveforms([[ints([1]), 8000]], { padValue: 0.5 }), ValueError, 'padWaveforms: padValue must be an integer for int32 waveforms, got 0.5');
  });

  it('throws a CollateError naming the batch position for batches it cannot pad', () => {
    expectThrows(() => padWaveforms([]), CollateError, 'padWaveforms: the batch is empty');
    expectThrows(
      () => padWaveforms([[wave(1, 3), 8000], [wave(2, 3), 8000]]),
      CollateError,
      'padWaveforms: waveforms must agree in all but their last (time) dimension, but got [1, 3] at batch position 0 and [2, 3] at batch position 1',
    );
    expectThrows(
      () => padWaveforms([[wave(1, 3), 8000], [tensor(Int32Array.from([1])).reshape([1, 1]), 8000]]),
      CollateError,
      'padWaveforms: waveforms must share a dtype, but got float32 at batch position 0 and int32 at batch position 1',
    );
    expectThrows(
      () => padWaveforms([[wave(1, 3), 8000], [[0.1, 0.2] as unknown as Tensor, 8000]]),
      CollateError,
      'padWaveforms: the first field must be a waveform Tensor, but batch position 1 holds object',
    );
    expectThrows(
      () => padWaveforms([[wave(1, 3), '8000' as unknown as number]]),
      CollateError,
      'padWaveforms: the second field must be the sample rate (a number), but batch position 0 holds string',
    );
    expectThrows(
      () => padWaveforms([[wave(1, 3), 8000, 'a'], [wave(1, 3), 8000]] as unknown as [Tensor, number][]),
      CollateError,
      'padWaveforms: items must have the same number of fields, but batch position 0 has 3 and batch position 1 has 2',
    );
    expectThrows(() => padWaveforms([[tensor(1), 8000]]), CollateError, 'padWaveforms: a waveform needs a time dimension, but batch position 0 holds a scalar tensor');
    expectThrows(() => padWaveforms([wave(1, 3) as unknown as [Tensor, number]]), CollateError, 'padWaveforms: each item must be [waveform, sampleRate, ...], but batch position 0 holds object');
    expectThrows(
      () => padWaveforms([[wave(1, 3), 8000, 'a'], [wave(1, 3), 8000, 2]]),
      CollateError,
      /^defaultCollate: cannot batch/,
    );
  });

  it('refuses bad options', () => {
    expectThrows(() => padWaveforms([[wave(1, 1), 1]], { padValue: '0' as unknown as number }), ValueError, 'padWaveforms: padValue must be a number, got string');
    expectThrows(() => padWaveforms([[wave(1, 1), 1]], { batchFirst: 1 as unknown as boolean }), ValueError, 'padWaveforms: batchFirst must be true or false, got number');
  });
});

describe('padCollate', () => {
  it('binds the options, and says how worker threads load it: padWaveforms from the package entry, with the options', () => {
    const collate = padCollate({ padValue: 0.5 });
    const items: [Tensor, number][] = [
      [wave(1, 1), 8000],
      [wave(1, 2), 8000],
    ];
    const [waveforms, lengths] = collate(items);
    expect(waveforms.tolist()).toEqual([[[100, 0.5]], [[100, 101]]]);
    expect(lengths.tolist()).toEqual([1, 2]);
    const spec = collate.workerSpec();
    expect([spec.export, spec.args]).toEqual(['padWaveforms', [{ padValue: 0.5, batchFirst: true }]]);
    const entry = fileURLToPath(String(spec.module));
    expect(entry).toMatch(/src\/index\.ts$/);
    expect(existsSync(entry)).toBe(true);
    expect(collate.name).toBe('padCollate');
  });

  it('checks its options when made', () => {
    expectThrows(() => padCollate({ padValue: null as unknown as number }), ValueError, 'padCollate: padValue must be a number, got object');
  });
});
