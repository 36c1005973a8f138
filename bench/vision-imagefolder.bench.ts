// @dl/vision's input pipeline beside torchvision + PIL's, in the same run: an ImageFolder of 100
// JPEGs of 320x240 through RandomResizedCrop(224), RandomHorizontalFlip, ToTensor, Normalize and a
// DataLoader (batch 32), with 0 and 2 workers. Run: `npm run bench -- vision-imagefolder`
// (`--quick`: fewer epochs). The PyTorch side runs where Debian's python3-torch and
// python3-torchvision are installed (/usr/bin/python3); otherwise the issue's recorded figure is
// printed, marked as recorded.
import * as dl from '@dl/core';
import { datasets, Image, io, transforms } from '@dl/vision';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './stats.ts';

const here = dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
/** torchvision 0.14 + PIL, 0 workers, measured on 2026-12-03 on this kind of machine (issue 12). */
const RECORDED_TORCH_0_WORKERS = 480;
const IMAGES = 100;
const CLASSES = 4;

/** Writes `IMAGES` 320x240 JPEGs (quality 90) of smooth color fields with noise, in class folders. */
async function makeFolder(dir: string): Promise<void> {
  let seed = 12345;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  for (let c = 0; c < CLASSES; c++) mkdirSync(join(dir, `class_${c}`), { recursive: true });
  for (let i = 0; i < IMAGES; i++) {
    const w = 320;
    const h = 240;
    const px = new Uint8Array(w * h * 3);
    const [a, b, d] = [rand() * 255, rand() * 255, rand() * 255];
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const o = (y * w + x) * 3;
        px[o] = (a + x * 0.5 + rand() * 40) & 255;
        px[o + 1] = (b + y * 0.7 + rand() * 40) & 255;
        px[o + 2] = (d + (x + y) * 0.3 + rand() * 40) & 255;
      }
    }
    await io.writeJpeg(new Image(w, h, 'RGB', px), join(dir, `class_${i % CLASSES}`, `img_${i}.jpg`), { quality: 90 });
  }
}

function pipeline(): transforms.Compose<Image, dl.Tensor> {
  return new transforms.Compose<Image, dl.Tensor>([
    new transforms.RandomResizedCrop(224),
    new transforms.RandomHorizontalFlip(),
    new transforms.ToTensor(),
    new transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225]),
  ]);
}

async function ourRates(folder: string, numWorkers: number, epochs: number): Promise<{ rates: number[]; cores: number }> {
  const ds = new datasets.ImageFolder(folder, { transform: pipeline() });
  await ds.prepare();
  const loader = new dl.DataLoader(ds, { batchSize: 32, shuffle: true, numWorkers, persistentWorkers: numWorkers > 0 });
  const rates: number[] = [];
  const cores: number[] = [];
  for (let e = 0; e <= epochs; e++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    let n = 0;
    for await (const [x] of loader) {
      n += x.shape[0];
      x.dispose();
    }
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (e > 0) {
      rates.push(n / (ms / 1000));
      cores.push((c.user + c.system) / 1000 / ms);
    }
  }
  if (numWorkers > 0) await loader.close();
  return { rates, cores: median(cores) };
}

function torchRates(folder: string, workers: number, epochs: number): { rates: number[]; threads: number } | null {
  const r = spawnSync('/usr/bin/python3', [join(here, 'vision-imagefolder.torch.py'), folder, String(workers), String(epochs)], { encoding: 'utf8' });
  if (r.status !== 0) {
    if (!/No module named|ENOENT/.test(`${r.stderr}${r.error ?? ''}`)) console.log(`(PyTorch side failed: ${r.stderr.trim().split('\n').pop()})`);
    return null;
  }
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? 'null');
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export async function main(): Promise<void> {
  await dl.ready();
  const folder = mkdtempSync(join(tmpdir(), 'dl-bench-imagefolder-'));
  try {
    await makeFolder(folder);
    const epochs = quick ? 3 : 7;
    console.log(`@dl/vision ImageFolder pipeline: backend ${dl.getBackend()}, image backend ${io.getImageBackend()}, Node ${process.version}, load average ${loadavg()[0].toFixed(2)}`);
    const rows: { workers: number; ours: number; torch: number | null; source: string }[] = [];
    for (const workers of [0, 2]) {
      // The two sides run back to back for each worker count (one process each).
      const torch = torchRates(folder, workers, epochs);
      const measured = await ourRates(folder, workers, epochs);
      const ours = median(measured.rates);
      console.log(`@dl/vision, ${workers} workers: the process used ${measured.cores.toFixed(2)} cores (all threads) during the measured epochs`);
      if (torch) rows.push({ workers, ours, torch: median(torch.rates), source: `measured in this run (torch threads: ${torch.threads})` });
      else rows.push({ workers, ours, torch: workers === 0 ? RECORDED_TORCH_0_WORKERS : null, source: workers === 0 ? 'recorded 2026-12-03 (no PyTorch here)' : 'none recorded' });
    }
    console.log('');
    console.log(`${IMAGES} JPEGs of 320x240 in ${CLASSES} class folders, RandomResizedCrop(224) + RandomHorizontalFlip + ToTensor + Normalize, batch 32; median of ${epochs} epochs`);
    console.log('');
    console.log('| workers | @dl/vision images/s | torchvision + PIL images/s | ratio | PyTorch figure |');
    console.log('|---|---|---|---|---|');
    for (const r of rows) {
      console.log(`| ${r.workers} | ${fmt(r.ours)} | ${r.torch === null ? '-' : fmt(r.torch)} | ${r.torch ? `${(r.ours / r.torch).toFixed(2)}x` : '-'} | ${r.source} |`);
    }
    const zero = rows[0]!;
    const two = rows[1]!;
    const anchor = zero.torch ?? RECORDED_TORCH_0_WORKERS;
    console.log('');
    console.log(`goal, 0 workers >= 1.5x torchvision at 0 workers (${fmt(1.5 * anchor)}): ${fmt(zero.ours)} -> ${zero.ours >= 1.5 * anchor ? 'met' : 'NOT met'}`);
    console.log(`goal, 2 workers >= 1.8x our 0-worker figure (${fmt(1.8 * zero.ours)}): ${fmt(two.ours)} -> ${two.ours >= 1.8 * zero.ours ? 'met' : 'NOT met'}`);
    console.log(`load average at the end: ${loadavg()[0].toFixed(2)}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
