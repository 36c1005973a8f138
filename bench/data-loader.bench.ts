// DataLoader throughput (samples/s), beside PyTorch 1.13's figures on the same kind of machine
// (2 cores). Run: `npm run bench -- data-loader` at the repository root (`--quick`: fewer epochs).
// data-loader.torch.py re-measures the PyTorch side on the machine at hand.
import * as dl from '@dl/core';
import { loadavg } from 'node:os';
import { BusyDataset, calibrate } from './datasets/busy.ts';
import { FizzBuzzDataset, type ItemKind } from './datasets/fizzbuzz.ts';
import { median } from './stats.ts';

const quick = process.argv.includes('--quick');
const PYTORCH_FIZZBUZZ_0_WORKERS = 168_000;
const PYTORCH_FIZZBUZZ_2_WORKERS = 41_000;

interface Row {
  scenario: string;
  workers: number;
  median: number;
  anchor: string;
}

/** Samples per second over each measured epoch (after `warmup` unmeasured ones). */
async function epochRates(loader: dl.DataLoader<unknown, unknown>, samplesPerEpoch: number, epochs: number, warmup: number): Promise<number[]> {
  const rates: number[] = [];
  for (let e = 0; e < warmup + epochs; e++) {
    const t0 = performance.now();
    let batches = 0;
    for await (const batch of loader) if (batch) batches++;
    const seconds = (performance.now() - t0) / 1000;
    if (batches !== loader.length) throw new Error(`expected ${loader.length} batches, got ${batches}`);
    if (e >= warmup) rates.push(samplesPerEpoch / seconds);
  }
  if (loader.persistentWorkers) await loader.close();
  return rates;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function fizzbuzz(rows: Row[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const kinds: [ItemKind, string][] = [
    ['lists', 'FizzBuzz, items as number[] (the seed: per-position collate, as PyTorch)'],
    ['tensors', 'FizzBuzz, items as [Tensor, Tensor]'],
    ['typed', 'FizzBuzz, items as Float32Arrays'],
  ];
  for (const [kind, scenario] of kinds) {
    const loader = new dl.DataLoader(new FizzBuzzDataset(kind), { batchSize: 64, shuffle: true });
    const m = median(await epochRates(loader, 1000, quick ? 10 : 40, 5));
    out.set(`${kind}/0`, m);
    rows.push({ scenario, workers: 0, median: m, anchor: fmt(PYTORCH_FIZZBUZZ_0_WORKERS) });
  }
  for (const persistentWorkers of [false, true]) {
    const loader = new dl.DataLoader(new FizzBuzzDataset('lists'), { batchSize: 64, shuffle: true, numWorkers: 2, persistentWorkers });
    const m = median(await epochRates(loader, 1000, persistentWorkers ? (quick ? 5 : 20) : quick ? 2 : 5, persistentWorkers ? 1 : 0));
    out.set(`lists/2/${persistentWorkers}`, m);
    rows.push({
      scenario: `FizzBuzz, number[] items, ${persistentWorkers ? 'persistentWorkers' : 'fresh workers every epoch (PyTorch default)'}`,
      workers: 2,
      median: m,
      anchor: fmt(PYTORCH_FIZZBUZZ_2_WORKERS),
    });
  }
  return out;
}

/** One epoch's samples/s and the CPU cores the process used meanwhile (all threads). */
async function timedEpoch(loader: dl.DataLoader<unknown, unknown>, samples: number): Promise<{ rate: number; cores: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for await (const batch of loader) if (!batch) break;
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { rate: samples / (ms / 1000), cores: (c.user + c.system) / 1000 / ms };
}

async function busy(rows: Row[]): Promise<{ zero: number; two: number; cores: number; firstEpochSeconds: number; itemMs: number }> {
  const iterations = calibrate(1);
  const probe = new BusyDataset(1, iterations);
  const t0 = performance.now();
  for (let i = 0; i < 50; i++) probe.getItem(i);
  const itemMs = (performance.now() - t0) / 50;
  const size = 512;
  const zeroLoader = new dl.DataLoader(new BusyDataset(size, iterations), { batchSize: 16, shuffle: true });
  const twoLoader = new dl.DataLoader(new BusyDataset(size, iterations), { batchSize: 16, shuffle: true, numWorkers: 2, persistentWorkers: true });
  const s0 = performance.now();
  await timedEpoch(twoLoader, size);
  const firstEpochSeconds = (performance.now() - s0) / 1000;
  await timedEpoch(zeroLoader, size);
  // Alternate the two so a busy machine slows both alike.
  const zero: number[] = [];
  const two: number[] = [];
  const cores: number[] = [];
  for (let round = 0; round < (quick ? 3 : 7); round++) {
    zero.push((await timedEpoch(zeroLoader, size)).rate);
    const t = await timedEpoch(twoLoader, size);
    two.push(t.rate);
    cores.push(t.cores);
  }
  await twoLoader.close();
  const z = median(zero);
  const w = median(two);
  rows.push({ scenario: `~${itemMs.toFixed(2)} ms of CPU per item, batch 16`, workers: 0, median: z, anchor: '-' });
  rows.push({ scenario: `~${itemMs.toFixed(2)} ms of CPU per item, batch 16, persistentWorkers`, workers: 2, median: w, anchor: '-' });
  return { zero: z, two: w, cores: median(cores), firstEpochSeconds, itemMs };
}

/** Runs every scenario and prints the table and the goals. */
export async function main(): Promise<void> {
  await dl.ready();
  console.log(`@dl/core DataLoader benchmark: backend ${dl.getBackend()}, Node ${process.version}, load average ${loadavg()[0].toFixed(2)}${quick ? ', --quick' : ''}`);
  const rows: Row[] = [];
  const fb = await fizzbuzz(rows);
  const b = await busy(rows);
  console.log('');
  console.log('| scenario | workers | samples/s (median of epochs) | PyTorch 1.13 |');
  console.log('|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.scenario} | ${r.workers} | ${fmt(r.median)} | ${r.anchor} |`);
  console.log('');
  const seed = fb.get('lists/0') ?? 0;
  console.log(`goal, 0 workers >= PyTorch (${fmt(PYTORCH_FIZZBUZZ_0_WORKERS)}): seed items ${fmt(seed)} -> ${seed >= PYTORCH_FIZZBUZZ_0_WORKERS ? 'met' : 'NOT met'}`);
  const ratio = b.two / b.zero;
  console.log(
    `goal, ~1 ms items, 2 workers >= 1.6x 0 workers: ${ratio.toFixed(2)}x -> ${ratio >= 1.6 ? 'met' : 'NOT met'} ` +
      `(the process got ${b.cores.toFixed(2)} of 2 cores during the 2-worker epochs; first epoch with worker start-up: ${b.firstEpochSeconds.toFixed(2)} s)`,
  );
  console.log(`load average at the end: ${loadavg()[0].toFixed(2)}`);
}

