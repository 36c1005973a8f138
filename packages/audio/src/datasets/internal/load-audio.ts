import type { Tensor } from '@dl/core';
import { DatasetContentError } from '../../errors/dataset-content-error';
import { load } from '../../io/load';

/**
 * @internal Loads a dataset's audio file as torchaudio's datasets do (`torchaudio.load` with its
 * defaults: float32 in [-1, 1], channels first) and, when the corpus has one sample rate, checks
 * the file has it (torchaudio's `_load_waveform`), else a {@link DatasetContentError}.
 */
export async function loadAudio(who: string, path: string, expectedRate?: number): Promise<[Tensor, number]> {
  const [waveform, sampleRate] = await load(path);
  if (expectedRate !== undefined && sampleRate !== expectedRate) {
    waveform.dispose();
    throw new DatasetContentError(`${who}: ${path} has sample rate ${sampleRate}, expected ${expectedRate}`, path);
  }
  return [waveform, sampleRate];
}
