// DataLoader throughput (samples/s) and worker start-up (time to the first batch), beside PyTorch
// 1.13's. Run: `npm run bench -- data-loader` at the repository root (`--quick`: fewer epochs).
// When a Python with torch is found (DL_TORCH_PYTHON, /usr/bin/python3, python3), this run also
// runs data-loader.torch.py and prints its figures, measured now on this machine, beside ours;
// otherwise the anchors below (PyTorch 1.13 on the same kind of machine, 2 cores).
import * as dl from '@dl/core';
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
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

/** PyTorch's figures from data-loader.torch.py (medians; samples/s unless said). */
interface TorchFigures {
  torch: string;
  load_average: [number, number];
  zero_workers: number;
  fresh_workers: number;
  fresh_first_batch_s: number;
  persistent_workers: number;
}

/** Runs data-loader.torch.py with the first Python that has torch; null when none has. */
function torchSide(): TorchFigures | null {
  const script = fileURLToPath(new URL('./data-loader.torch.py', import.meta.url));
  const pythons = [process.env.DL_TORCH_PYTHON, '/usr/bin/python3', 'python3'].filter((p): p is string => !!p);
  for (const python of pythons) {
    const r = spawnSync(python, [script, '--json', ...(quick ? ['--quick'] : [])], { encoding: 'utf8', timeout: 300_000 });
    if (r.status === 0) {
      try {
        return JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as TorchFigures;
      } catch {
        // not this one
      }
    }
  }
  return null;
}

/** Fresh workers every epoch (PyTorch's default): each epoch's time to its first batch, and samples/s. */
async function freshEpochs(loader: dl.DataLoader<unknown, unknown>, samplesPerEpoch: number, epochs: number): Promise<{ firstBatch: number[]; rates: number[] }> {
  const firstBatch: number[] = [];
  const rates: number[] = [];
  for (let e = 0; e < epochs; e++) {
    const t0 = performance.now();
    let first = -1;
    let batches = 0;
    for await (const batch of loader) {
      if (first < 0) first = performance.now() - t0;
      if (batch) batches++;
    }
    const seconds = (performance.now() - t0) / 1000;
    if (batches !== loader.length) throw new Error(`expected ${loader.length} batches, got ${batches}`);
    firstBatch.push(first / 1000);
    rates.push(samplesPerEpoch / seconds);
  }
  return { firstBatch, rates };
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

async function fizzbuzz(rows: Row[], torch: TorchFigures | null): Promise<Map<string, number>> {
  const anchor0 = fmt(torch?.zero_workers ?? PYTORCH_FIZZBUZZ_0_WORKERS);
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
    rows.push({ scenario, workers: 0, median: m, anchor: kind === 'lists' ? anchor0 : '-' });
  }
  // A TensorDataset batches by one gather per tensor (no per-item slices).
  const x = dl.tensor(Array.from({ length: 1000 }, (_, i) => new FizzBuzzDataset('lists').encoder(i)));
  const tds = new dl.DataLoader(new dl.TensorDataset(x, dl.arange(1000).remainder(4)), { batchSize: 64, shuffle: true });
  const t = median(await epochRates(tds, 1000, quick ? 10 : 40, 5));
  out.set('tensor-dataset/0', t);
  rows.push({ scenario: 'FizzBuzz as a TensorDataset [1000, 10] (one gather per batch)', workers: 0, median: t, anchor: '-' });
  // Fresh workers every epoch (PyTorch's default): start-up is part of every epoch.
  const fresh = new dl.DataLoader(new FizzBuzzDataset('lists'), { batchSize: 64, shuffle: true, numWorkers: 2 });
  const f = await freshEpochs(fresh, 1000, quick ? 3 : 7);
  out.set('lists/2/false', median(f.rates));
  out.set('first-batch/2', median(f.firstBatch));
  rows.push({ scenario: 'FizzBuzz, number[] items, fresh workers every epoch (PyTorch default)', workers: 2, median: median(f.rates), anchor: fmt(torch?.fresh_workers ?? PYTORCH_FIZZBUZZ_2_WORKERS) });
  const persistent = new dl.DataLoader(new FizzBuzzDataset('lists'), { batchSize: 64, shuffle: true, numWorkers: 2, persistentWorkers: true });
  const p = median(await epochRates(persistent, 1000, quick ? 5 : 20, 1));
  out.set('lists/2/true', p);
  rows.push({ scenario: 'FizzBuzz, number[] items, persistentWorkers', workers: 2, median: p, anchor: fmt(torch?.persistent_workers ?? PYTORCH_FIZZBUZZ_2_WORKERS) });
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
export async function main(): Promise<{ workload: string; dl: string; pytorch: string; ratio: string; goal: string }[]> {
  await dl.ready();
  console.log(`@dl/core DataLoader benchmark: backend ${dl.getBackend()}, Node ${process.version}, load average ${loadavg()[0].toFixed(2)}${quick ? ', --quick' : ''}`);
  const torch = torchSide();
  console.log(
    torch
      ? `PyTorch ${torch.torch} measured in this run (data-loader.torch.py): load average ${torch.load_average[0].toFixed(2)} before, ${torch.load_average[1].toFixed(2)} after`
      : 'PyTorch: no Python with torch found (set DL_TORCH_PYTHON); its column shows the anchors measured on the same kind of machine',
  );
  const rows: Row[] = [];
  const fb = await fizzbuzz(rows, torch);
  const b = await busy(rows);
  console.log('');
  console.log(`| scenario | workers | samples/s (median of epochs) | PyTorch 1.13${torch ? ' (this run)' : ''} |`);
  console.log('|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.scenario} | ${r.workers} | ${fmt(r.median)} | ${r.anchor} |`);
  console.log('');
  const seed = fb.get('lists/0') ?? 0;
  const torch0 = torch?.zero_workers ?? PYTORCH_FIZZBUZZ_0_WORKERS;
  console.log(`goal, 0 workers >= PyTorch (${fmt(torch0)}): seed items ${fmt(seed)} -> ${seed >= torch0 ? 'met' : 'NOT met'}`);
  const first = fb.get('first-batch/2') ?? Number.NaN;
  const torchFirst = torch ? `${torch.fresh_first_batch_s.toFixed(3)} s` : 'not measured';
  console.log(`goal, time to the first batch with 2 fresh workers <= 1.5 s: ${first.toFixed(3)} s (median of epochs; PyTorch ${torchFirst}) -> ${first <= 1.5 ? 'met' : 'NOT met'}`);
  const freshRate = fb.get('lists/2/false') ?? 0;
  const torchFresh = torch?.fresh_workers ?? PYTORCH_FIZZBUZZ_2_WORKERS;
  console.log(
    `goal, fresh workers every epoch >= 0.5x PyTorch (${fmt(torchFresh)}${torch ? ', this run' : ''}): ${fmt(freshRate)} = ${(freshRate / torchFresh).toFixed(2)}x -> ${freshRate >= 0.5 * torchFresh ? 'met' : 'NOT met'}` +
      (torch ? ` (against the ${fmt(PYTORCH_FIZZBUZZ_2_WORKERS)} anchor: ${(freshRate / PYTORCH_FIZZBUZZ_2_WORKERS).toFixed(2)}x)` : ''),
  );
  const ratio = b.two / b.zero;
  console.log(
    `goal, ~1 ms items, 2 workers >= 1.6x 0 workers: ${ratio.toFixed(2)}x -> ${ratio >= 1.6 ? 'met' : 'NOT met'} ` +
      `(the process got ${b.cores.toFixed(2)} of 2 cores during the 2-worker epochs; first epoch with worker start-up: ${b.firstEpochSeconds.toFixed(2)} s)`,
  );
  console.log(`load average at the end: ${loadavg()[0].toFixed(2)}`);
  const tensors = fb.get('tensors/0') ?? 0;
  const recorded = torch ? '' : ' (recorded)';
  return [
    {
      workload: 'seed FizzBuzz, [Tensor, Tensor] items, batch 64, 0 workers, samples/s',
      dl: fmt(tensors),
      pytorch: `${fmt(torch0)}${recorded}`,
      ratio: `${(tensors / torch0).toFixed(2)}x`,
      goal: `>= 1x: ${tensors >= torch0 ? 'met' : 'NOT met'}`,
    },
    { workload: 'DataLoader, 2 fresh workers: first batch, s', dl: first.toFixed(3), pytorch: torch ? torch.fresh_first_batch_s.toFixed(3) : '~0.2 (recorded)', ratio: '-', goal: `<= 1.5 s: ${first <= 1.5 ? 'met' : 'NOT met'}` },
    {
      workload: 'seed FizzBuzz, fresh workers every epoch, samples/s',
      dl: fmt(freshRate),
      pytorch: `${fmt(torchFresh)}${recorded}`,
      ratio: `${(freshRate / torchFresh).toFixed(2)}x`,
      goal: `>= 0.5x: ${freshRate >= 0.5 * torchFresh ? 'met' : 'NOT met'}`,
    },
  ];
}

