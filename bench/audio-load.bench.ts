// @dl/audio's load beside torchaudio.load, in the same run: a 1 s, 16 kHz, 16-bit mono WAV (what
// speech datasets hold), loaded from its path (the workload users write) and from its bytes.
// Run: `npm run bench -- audio-load` (`--quick`: fewer rounds). The PyTorch side runs where
// Debian's python3-torchaudio is installed (/usr/bin/python3); otherwise the recorded figure is
// printed, marked as recorded.
import * as dl from '@dl/core';
import { encodeWav, load, loadSync } from '@dl/audio';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './stats.ts';

const here = dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
/** torchaudio 0.13.1 (libsox), torchaudio.load(path) of this file, measured 2026-12 on this kind of machine (the issue's anchor). */
const RECORDED_TORCH_PATH = 21_000;
const ROUNDS = quick ? 3 : 7;
const PER_ROUND = quick ? 500 : 2000;

/** A 1 s tone with a little noise, 16-bit PCM, as torchaudio.save(..., bits_per_sample=16) writes it. */
function makeFile(path: string): void {
  let seed = 1;
  const samples = Float32Array.from({ length: 16000 }, (_, i) => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return 0.5 * Math.sin((2 * Math.PI * 440 * i) / 16000) + 0.05 * (seed / 2 ** 32 - 0.5);
  });
  const waveform = dl.tensor(samples).reshape([1, 16000]);
  writeFileSync(path, encodeWav(waveform, 16000, { bitsPerSample: 16 }));
  waveform.dispose();
}

/** Loads per second in each round (after a warm-up of a tenth of a round). */
async function rates(fn: () => Promise<[dl.Tensor, number]> | [dl.Tensor, number]): Promise<{ rates: number[]; cpu: number }> {
  const out: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (let i = 0; i < PER_ROUND / 10; i++) (await fn())[0].dispose();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < PER_ROUND; i++) (await fn())[0].dispose();
    const seconds = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    out.push(PER_ROUND / seconds);
    cpu.push((c.user + c.system) / PER_ROUND);
  }
  return { rates: out, cpu: median(cpu) };
}

function torchRates(path: string): { path: number[]; buffer: number[]; threads: number } | null {
  const r = spawnSync('/usr/bin/python3', [join(here, 'audio-load.torch.py'), path, String(ROUNDS), String(PER_ROUND * 2)], { encoding: 'utf8' });
  if (r.status !== 0) {
    if (!/No module named|ENOENT/.test(`${r.stderr}${r.error ?? ''}`)) console.log(`(PyTorch side failed: ${r.stderr.trim().split('\n').pop()})`);
    return null;
  }
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? 'null');
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export async function main(): Promise<void> {
  await dl.ready();
  const dir = mkdtempSync(join(tmpdir(), 'dl-bench-audio-load-'));
  try {
    const file = join(dir, 'speech.wav');
    makeFile(file);
    const bytes = readFileSync(file);
    console.log(`@dl/audio load: backend ${dl.getBackend()}, Node ${process.version}, load average ${loadavg()[0].toFixed(2)}`);
    const torch = torchRates(file);
    const ours = {
      path: await rates(() => load(file)),
      buffer: await rates(() => load(bytes)),
      syncPath: await rates(() => loadSync(file)),
      syncBuffer: await rates(() => loadSync(bytes)),
    };
    const torchPath = torch ? median(torch.path) : RECORDED_TORCH_PATH;
    const torchBuffer = torch ? median(torch.buffer) : null;
    const source = torch ? `measured in this run (torch threads: ${torch.threads})` : 'recorded 2026-12 (no PyTorch here)';
    console.log('');
    console.log(`1 s, 16 kHz, 16-bit mono WAV (32,044 bytes); median of ${ROUNDS} rounds of ${PER_ROUND} loads`);
    console.log('');
    console.log('| workload | @dl/audio loads/s | CPU us/load | torchaudio loads/s | ratio | torchaudio figure |');
    console.log('|---|---|---|---|---|---|');
    const row = (name: string, r: { rates: number[]; cpu: number }, anchor: number | null, anchorName: string) =>
      console.log(`| ${name} | ${fmt(median(r.rates))} | ${r.cpu.toFixed(1)} | ${anchor === null ? '-' : `${fmt(anchor)} (${anchorName})`} | ${anchor ? `${(median(r.rates) / anchor).toFixed(2)}x` : '-'} | ${anchor === null ? '-' : source} |`);
    row('await load(path)', ours.path, torchPath, 'load(path)');
    row('await load(Buffer)', ours.buffer, torchBuffer, 'load(BytesIO)');
    row('loadSync(path)', ours.syncPath, torchPath, 'load(path)');
    row('loadSync(Buffer)', ours.syncBuffer, torchBuffer, 'load(BytesIO)');
    console.log('');
    const goal = median(ours.path.rates) >= torchPath;
    console.log(`goal, load(path) >= 1x torchaudio (${fmt(torchPath)} loads/s): ${fmt(median(ours.path.rates))} -> ${goal ? 'met' : 'NOT met'}`);
    console.log(`load average at the end: ${loadavg()[0].toFixed(2)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
