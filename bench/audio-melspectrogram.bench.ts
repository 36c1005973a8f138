// @dl/audio's MelSpectrogram(16000, nFft 400, hopLength 160, nMels 80) beside torchaudio's, in the
// same run: 1 s clips at 16 kHz, one clip per call (as a dataset's transform calls it) and batches
// of 16 clips. Rounds of the two sides alternate (torchaudio runs in a child process that waits for
// each round), so changes in the machine's load hit both alike. Run:
// `npm run bench -- audio-melspectrogram` (`--quick`: fewer rounds). The PyTorch side runs where
// Debian's python3-torch and python3-torchaudio are installed (/usr/bin/python3); otherwise the
// recorded figure is printed, marked as recorded.
import * as dl from '@dl/core';
import { transforms } from '@dl/audio';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './stats.ts';

const here = dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
/** torchaudio 0.13 (Debian), one 1 s clip per call, 1 thread, measured on this kind of machine (the brief's anchor). */
const RECORDED_TORCH_SINGLE = 5800;
const BATCH = 16;
type Mode = 'single' | 'batched';
/** Clips per second of wall-clock time, and per CPU-second of the process (all its threads). */
interface Rate {
  wall: number;
  cpu: number;
}

/** torchaudio in a child process, answering one round at a time; null when PyTorch is missing. */
async function torchSide(): Promise<{ round(mode: Mode, calls: number): Promise<Rate>; threads: number; close(): void } | null> {
  const child = spawn('/usr/bin/python3', [join(here, 'audio-melspectrogram.torch.py'), String(BATCH)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const failed = new Promise<null>((resolve) => {
    child.on('error', () => resolve(null));
    child.on('exit', () => resolve(null));
  });
  const first = await Promise.race([lines.next(), failed]);
  if (!first || first.done) {
    if (stderr && !/No module named/.test(stderr)) console.log(`(PyTorch side failed: ${stderr.trim().split('\n').pop()})`);
    return null;
  }
  const { threads } = JSON.parse(first.value) as { threads: number };
  return {
    threads,
    async round(mode, calls) {
      child.stdin.write(`${mode} ${calls}\n`);
      const r = await lines.next();
      return JSON.parse(r.value) as Rate;
    },
    close() {
      child.stdin.end('quit\n');
    },
  };
}

function ourRound(mel: transforms.MelSpectrogram, x: dl.Tensor, calls: number): Rate {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  // Each call as a user's pipeline makes it: the clip in, the mel spectrogram read back.
  for (let i = 0; i < calls; i++) dl.scope(() => mel(x).dataSync());
  const c = process.cpuUsage(c0);
  const clips = calls * x.shape[0];
  return { wall: clips / ((performance.now() - t0) / 1000), cpu: clips / ((c.user + c.system) / 1e6) };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

export async function main(): Promise<void> {
  await dl.ready();
  const rounds = quick ? 3 : 7;
  const calls = quick ? 300 : 1000;
  console.log(`@dl/audio MelSpectrogram: backend ${dl.getBackend()}, Node ${process.version}, load average ${loadavg()[0].toFixed(2)}`);
  const mel = new transforms.MelSpectrogram(16000, { nFft: 400, hopLength: 160, nMels: 80 });
  dl.manualSeed(0);
  const inputs: Record<Mode, dl.Tensor> = { single: dl.randn([1, 16000]), batched: dl.randn([BATCH, 16000]) };
  const torch = await torchSide();
  const ours: Record<Mode, Rate[]> = { single: [], batched: [] };
  const theirs: Record<Mode, Rate[]> = { single: [], batched: [] };
  for (const mode of ['single', 'batched'] as Mode[]) {
    const n = mode === 'single' ? calls : Math.max(1, Math.round(calls / BATCH));
    ourRound(mel, inputs[mode], Math.ceil(n / 4));
    for (let r = 0; r < rounds; r++) {
      ours[mode].push(ourRound(mel, inputs[mode], n));
      // Let V8's background GC threads finish before torchaudio's round, on 2 cores.
      await settle();
      if (torch) theirs[mode].push(await torch.round(mode, n));
      await settle();
    }
  }
  torch?.close();
  const source = torch ? `measured in this run, alternating rounds (torch threads: ${torch.threads})` : 'recorded (no PyTorch here)';
  const row = (mode: Mode, label: string) => {
    const o = median(ours[mode].map((r) => r.wall));
    const t = torch ? median(theirs[mode].map((r) => r.wall)) : mode === 'single' ? RECORDED_TORCH_SINGLE : null;
    const oc = median(ours[mode].map((r) => r.cpu));
    const tc = torch ? median(theirs[mode].map((r) => r.cpu)) : null;
    const cpu = tc === null ? '-' : `${fmt(oc)} vs ${fmt(tc)} (${(oc / tc).toFixed(2)}x)`;
    console.log(`| ${label} | ${fmt(o)} | ${t === null ? '-' : fmt(t)} | ${t === null ? '-' : `${(o / t).toFixed(2)}x`} | ${cpu} | ${t === null ? 'none recorded' : source} |`);
    return { o, t };
  };
  console.log('');
  console.log(`MelSpectrogram(16000, nFft 400, hopLength 160, nMels 80) of 1 s clips, the output read back each call; median of ${rounds} rounds of ${calls} clips per side`);
  console.log('');
  console.log('| calls | @dl/audio clips/s | torchaudio clips/s | ratio | per CPU-second, @dl vs torch | PyTorch figure |');
  console.log('|---|---|---|---|---|---|');
  const single = row('single', 'one clip per call');
  row('batched', `batches of ${BATCH}`);
  const anchor = single.t ?? RECORDED_TORCH_SINGLE;
  console.log('');
  console.log(`goal, one clip per call >= 0.5x torchaudio (${fmt(0.5 * anchor)}): ${fmt(single.o)} -> ${single.o >= 0.5 * anchor ? 'met' : 'NOT met'}`);
  console.log(`load average at the end: ${loadavg()[0].toFixed(2)}`);
}
