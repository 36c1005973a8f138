// @dl/backend-native against the wasm backend and PyTorch, in one run (issue 11's table):
//   fp32 GEMM 512x512, GFLOP/s (the built-in kernel, and the system BLAS when one is loaded)
//   MLP 784-128-10, batch 64, SGD momentum: train samples/s
//   CNN conv32-conv64-fc128, batch 64, Adam: train samples/s
//   torchvision's ResNet-18, batch 8, 3x64x64, one SGD train step: ms
// at 1 thread and at the default thread count (native and PyTorch; wasm is single-threaded), and
// @dl's default against PyTorch's as a user runs it (the goals). PyTorch runs one process per
// thread count with its BLAS held to that count (torch.set_num_threads does not reach the
// OpenBLAS Debian's torch multiplies with, which otherwise takes every core), in the same run
// (native-backend.torch.py), where /usr/bin/python3 has torch;
// otherwise the figures recorded in issue 11 (a quiet machine of this kind) stand in, marked so.
// Run: `npm run bench -- native-backend` (`--quick`: fewer rounds). Never in CI.
import * as dl from '@dl/core';
import { nn, optim } from '@dl/core';
import { tf } from '@dl/core/internal';
import { models } from '@dl/vision';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './stats.ts';

const quick = process.argv.includes('--quick');
const here = dirname(fileURLToPath(import.meta.url));

interface Workloads {
  gemm: number;
  mlp: number;
  cnn: number;
  resnet: number | null;
}

/** Issue 11's PyTorch 1.13 figures (quiet machine, same kind), for machines without torch. */
const RECORDED: Record<string, Workloads> = {
  '1': { gemm: 97.5, mlp: 40_300, cnn: 1_045, resnet: 82 },
  '2': { gemm: 195, mlp: 76_800, cnn: 1_950, resnet: null },
  // Issue 11's "1 thread" column was torch.set_num_threads(1) with OpenBLAS on both cores.
  default: { gemm: 97.5, mlp: 40_300, cnn: 1_045, resnet: 82 },
};

// @dl/backend-native is reached as @dl/core reaches it (an optional peer of core).
type NativeModule = { setBlas(choice: string): { blas: string | null }; nativeInfo(): { isa: string; gemmKernel: string; threads: number; blas: string | null; blasConfig: string } };
function nativeModule(): NativeModule | null {
  try {
    return createRequire(fileURLToPath(import.meta.resolve('@dl/core/package.json')))('@dl/backend-native') as NativeModule;
  } catch {
    return null;
  }
}

function gemm(rounds: number): number {
  return tf.tidy(() => {
    const a = tf.randomNormal([512, 512]);
    const b = tf.randomNormal([512, 512]);
    for (let i = 0; i < 5; i++) tf.matMul(a, b).dispose();
    const rates: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const reps = 20;
      const t0 = performance.now();
      for (let i = 0; i < reps; i++) tf.matMul(a, b).dataSync();
      rates.push((2 * 512 ** 3 * reps) / ((performance.now() - t0) / 1000) / 1e9);
    }
    return median(rates);
  });
}

async function train(model: nn.Module, opt: optim.Optimizer, x: dl.Tensor, y: dl.Tensor, steps: number, rounds: number): Promise<number> {
  const lossFn = new nn.CrossEntropyLoss();
  const step = () =>
    dl.scope(() => {
      opt.zeroGrad();
      const loss = lossFn.forward(model.forward(x) as dl.Tensor, y);
      loss.backward();
      opt.step();
      return loss.item();
    });
  // Untimed rounds first, as the timed ones run, for at least 2 rounds and 1.5 s: V8 compiles the
  // hot paths over the first few hundred steps (a cold MLP runs ~40% slower), and a training run
  // is thousands of steps. PyTorch's side warms up the same way.
  const warmStart = performance.now();
  for (let r = 0; r < 2 || performance.now() - warmStart < 1500; r++) {
    for (let i = 0; i < steps; i++) step();
    await dl.tick();
  }
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < steps; i++) step();
    rates.push((steps * x.shape[0]) / ((performance.now() - t0) / 1000));
    await dl.tick();
  }
  return median(rates);
}

async function workloads(slow: boolean): Promise<Workloads> {
  const r = quick ? 3 : 7;
  dl.manualSeed(0);
  const mlpModel = new nn.Sequential(new nn.Linear(784, 128), new nn.ReLU(), new nn.Linear(128, 10));
  const mlp = await train(mlpModel, new optim.SGD(mlpModel.parameters(), { lr: 0.01, momentum: 0.9 }), dl.randn([64, 784]), dl.randint(0, 10, [64]), 20, r);
  const cnnModel = new nn.Sequential(
    new nn.Conv2d(1, 32, 3), new nn.ReLU(), new nn.MaxPool2d(2),
    new nn.Conv2d(32, 64, 3), new nn.ReLU(), new nn.MaxPool2d(2),
    new nn.Flatten(), new nn.Linear(1600, 128), new nn.ReLU(), new nn.Linear(128, 10),
  );
  const cnn = await train(cnnModel, new optim.Adam(cnnModel.parameters(), { lr: 1e-3 }), dl.randn([64, 1, 28, 28]), dl.randint(0, 10, [64]), slow ? 1 : 3, quick ? 3 : 5);
  const resnetModel = await models.resnet18({ numClasses: 10 });
  const resnetRate = await train(resnetModel, new optim.SGD(resnetModel.parameters(), { lr: 0.01, momentum: 0.9 }), dl.randn([8, 3, 64, 64]), dl.randint(0, 10, [8]), 1, quick ? 3 : 5);
  return { gemm: gemm(r), mlp, cnn, resnet: (8 / resnetRate) * 1000 };
}

/**
 * PyTorch's figures: one process per thread count with OPENBLAS_NUM_THREADS / OMP_NUM_THREADS
 * set before it starts (torch.set_num_threads does not reach the BLAS its products run on, which
 * otherwise uses every core), and one as a user runs it ('default': nothing set).
 */
function pytorch(threads: number[]): { figures: Record<string, Workloads>; measured: boolean; note: string } {
  const figures: Record<string, Workloads> = {};
  let about = '';
  for (const t of [...threads.map(String), 'default']) {
    const env = t === 'default' ? process.env : { ...process.env, OPENBLAS_NUM_THREADS: t, OMP_NUM_THREADS: t, MKL_NUM_THREADS: t };
    const r = spawnSync('/usr/bin/python3', [join(here, 'native-backend.torch.py'), ...(quick ? ['--quick'] : []), '--threads', t], { encoding: 'utf8', timeout: 1_800_000, env });
    if (r.status !== 0) {
      const why = (r.stderr || String(r.error)).trim().split('\n').pop();
      return { figures: RECORDED, measured: false, note: `PyTorch not measured (${why}): recorded figures from issue 11, marked *` };
    }
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!);
    figures[t] = out.by_threads[t];
    about = `PyTorch ${out.torch} measured in this run, one process per thread count with its BLAS held to it, and as users run it (default: ${out.default_threads} torch thread(s), OpenBLAS on all cores)`;
  }
  return { figures, measured: true, note: about };
}

const fmt = (v: number | null | undefined, digits = 0) => (v == null || !Number.isFinite(v) ? '-' : v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));

export async function main(): Promise<{ workload: string; dl: string; pytorch: string; ratio: string; goal: string }[]> {
  const native = nativeModule();
  const load0 = loadavg()[0];
  const available = dl.availableBackends();
  console.log(`@dl/backend-native benchmark: Node ${process.version}, load average ${load0.toFixed(2)}${quick ? ', --quick' : ''}`);
  if (!available.includes('native') || !native) console.log('the native backend is not available here: only wasm and PyTorch are measured');
  const info = native?.nativeInfo();
  if (info) console.log(`native: ${info.isa}, GEMM kernel ${info.gemmKernel}, default ${info.threads} threads, system BLAS ${info.blas ? `${info.blas} (${info.blasConfig})` : 'none'}`);
  const defaultThreads = info?.threads ?? 2;
  const threadCounts = [...new Set([1, defaultThreads])];
  const rows: Record<string, Partial<Record<'native' | 'nativeBlas' | 'wasm', Workloads | number>>> = {};
  if (native && available.includes('native')) {
    await dl.setBackend('native');
    for (const t of threadCounts) {
      dl.setNumThreads(t);
      // The workloads as users get them (a system BLAS for large products when there is one);
      // GEMM with the built-in kernel, and through the BLAS.
      const blas = native.setBlas('auto').blas;
      const run = await workloads(false);
      native.setBlas('builtin');
      const builtin = gemm(quick ? 3 : 7);
      native.setBlas('auto');
      rows[t] = { native: { ...run, gemm: builtin }, ...(blas ? { nativeBlas: run.gemm } : {}) };
    }
    dl.setNumThreads(defaultThreads);
  }
  const picked = dl.getBackend();
  await dl.setBackend('wasm');
  const wasm = await workloads(true);
  await dl.setBackend(picked);
  const torch = pytorch(threadCounts);
  const mark = torch.measured ? '' : '*';
  console.log(`${torch.note}; load average now ${loadavg()[0].toFixed(2)}`);
  console.log('');
  console.log('| workload | threads | native | system BLAS via native | wasm (1 thread) | PyTorch | native / PyTorch | goal |');
  console.log('|---|---|---|---|---|---|---|---|');
  const goals: Record<keyof Workloads, [string, number]> = { gemm: ['>= 0.8x OpenBLAS', 0.8], mlp: ['>= 1x PyTorch default', 1], cnn: ['>= 0.8x PyTorch default', 0.8], resnet: ['>= 0.7x PyTorch default', 0.7] };
  const names: Record<keyof Workloads, string> = {
    gemm: 'GEMM 512x512, GFLOP/s',
    mlp: 'MLP 784-128-10 b64 SGD, samples/s',
    cnn: 'CNN conv32-conv64-fc128 b64 Adam, samples/s',
    resnet: 'ResNet-18 b8 3x64x64 train step, ms',
  };
  const summary: { workload: string; dl: string; pytorch: string; ratio: string; goal: string }[] = [];
  for (const key of Object.keys(names) as (keyof Workloads)[]) {
    const [goal, need] = goals[key];
    // Each thread count against PyTorch at that count; then @dl's default against PyTorch's
    // (the goal, except GEMM's, which is against OpenBLAS at the same thread count).
    for (const t of [...threadCounts, 'default' as const]) {
      const ours = t === 'default' ? defaultThreads : t;
      const n = (rows[ours]?.native as Workloads | undefined)?.[key];
      const b = key === 'gemm' && t !== 'default' ? (rows[t]?.nativeBlas as number | undefined) : undefined;
      const p = torch.figures[String(t)]?.[key];
      // Lower is better for ms; the ratio is always "how many PyTorch's speed".
      const ratio = n != null && p != null ? (key === 'resnet' ? p / n : n / p) : null;
      const goalRatio = key === 'gemm' ? (t === 'default' ? null : n != null && b != null ? n / b : null) : t === 'default' ? ratio : null;
      const verdict = goalRatio == null ? '-' : `${goal}: ${goalRatio.toFixed(2)}x ${goalRatio >= need ? 'met' : 'NOT met'}`;
      const label = t === 'default' ? `default (${defaultThreads})` : String(t);
      const w = t === 1 ? fmt(wasm[key], key === 'gemm' ? 1 : 0) : '';
      console.log(`| ${names[key]} | ${label} | ${fmt(n, key === 'gemm' ? 1 : 0)} | ${key === 'gemm' ? fmt(b, 1) : ''} | ${w} | ${fmt(p, key === 'gemm' ? 1 : 0)}${p != null ? mark : ''} | ${ratio == null ? '-' : `${ratio.toFixed(2)}x`} | ${verdict} |`);
      summary.push({
        workload: `${names[key]}, native ${label} thread(s) vs PyTorch ${t === 'default' ? 'default' : `${t} thread(s)`}`,
        dl: fmt(n, key === 'gemm' ? 1 : 0),
        pytorch: `${fmt(p, key === 'gemm' ? 1 : 0)}${p != null && !torch.measured ? ' (recorded)' : ''}`,
        ratio: ratio == null ? '-' : `${ratio.toFixed(2)}x`,
        goal: verdict,
      });
    }
  }
  console.log('');
  console.log(`load average at the start ${load0.toFixed(2)}, at the end ${loadavg()[0].toFixed(2)} (2 cores: above ~1 the figures are noisy)`);
  return summary;
}
