import type { ModuleExport, WorkerFunction } from '@dl/core';
import { audioModuleUrl } from './internal/audio-module-url';
import { checkPadOptions, type PadWaveformsOptions } from './internal/pad-options';
import { type PaddedBatch, padWaveforms, type WaveformItem } from './pad-waveforms';

/**
 * A DataLoader `collateFn` that pads variable-length waveforms: {@link padWaveforms} with these
 * options bound. It carries a `workerSpec()`, so with `numWorkers > 0` the batches are padded
 * inside the worker threads (only the finished batch crosses back).
 *
 * @example
 * ```ts
 * const yesno = await new YESNO('.', { download: true }).prepare();
 * const loader = new DataLoader(yesno, { batchSize: 4, shuffle: true, collateFn: padCollate() });
 * for await (const [waveforms, lengths, sampleRates, labels] of loader) {
 *   waveforms.shape; // [4, 1, longest of the four]
 * }
 * ```
 */
export function padCollate<I extends WaveformItem>(options: PadWaveformsOptions = {}): WorkerFunction<(items: I[]) => PaddedBatch<I>> {
  const bound = { ...checkPadOptions(options, 'padCollate') };
  const collate = (items: I[]) => padWaveforms(items, bound);
  const spec: ModuleExport = { module: audioModuleUrl(), export: 'padWaveforms', args: [bound] };
  Object.defineProperty(collate, 'workerSpec', { value: () => spec, enumerable: false });
  Object.defineProperty(collate, 'name', { value: 'padCollate' });
  return collate as WorkerFunction<(items: I[]) => PaddedBatch<I>>;
}
