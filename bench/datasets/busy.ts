// Items that cost a fixed amount of CPU (about 1 ms each once calibrated), like decoding or augmenting.
import * as dl from '@dl/core';

/** Deterministic busy work: `iterations` steps of a small recurrence. */
export function work(iterations: number, seed: number): number {
  let a = seed + 1;
  for (let k = 0; k < iterations; k++) a = (a * 1.0000001 + Math.sqrt(k + a)) % 1e6;
  return a;
}

/** How many iterations of {@link work} take `ms` milliseconds on this machine (median of runs). */
export function calibrate(ms = 1): number {
  let iterations = 10_000;
  for (;;) {
    const t0 = performance.now();
    work(iterations, 0);
    const dt = performance.now() - t0;
    if (dt > 20) break;
    iterations *= 2;
  }
  const perMs: number[] = [];
  for (let r = 0; r < 7; r++) {
    const t0 = performance.now();
    work(iterations, r);
    perMs.push(iterations / (performance.now() - t0));
  }
  perMs.sort((a, b) => a - b);
  return Math.round(perMs[3] * ms);
}

export class BusyDataset extends dl.Dataset<[Float32Array, number]> {
  constructor(
    readonly size: number,
    readonly iterations: number,
  ) {
    super();
  }

  get length(): number {
    return this.size;
  }

  getItem(index: number): [Float32Array, number] {
    const v = work(this.iterations, index);
    return [Float32Array.of(v, index), index % 10];
  }

  override workerSpec(): dl.ModuleExport {
    return { module: import.meta.url, export: 'BusyDataset', args: [this.size, this.iterations] };
  }
}
