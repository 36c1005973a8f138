import { tf } from '@dl/core/internal';
import { kernelFlops } from './flops';
import { CAT, type Recording } from './recording';

type KernelConfig = tf.KernelConfig;
type KernelFunc = tf.KernelFunc;
type KernelArgs = Parameters<KernelFunc>[0];
type KernelOut = ReturnType<KernelFunc>;

/** The prefix that tells a tfjs kernel event from the @dl op that ran it (`tfjs::BatchMatMul` under `Linear`). */
export const KERNEL_PREFIX = 'tfjs::';

function inputShapes(inputs: KernelArgs['inputs']): number[][] {
  const out: number[][] = [];
  for (const key in inputs) {
    const t = inputs[key];
    if (t != null) out.push(t.shape.slice());
  }
  return out;
}

function wrap(cfg: KernelConfig, rec: Recording): KernelFunc {
  const run = cfg.kernelFunc;
  const name = KERNEL_PREFIX + cfg.kernelName;
  const kernelName = cfg.kernelName;
  const shapes = rec.shapes !== null;
  const flops = rec.flops;
  if (!shapes && flops === null) {
    return (args) => {
      const i = rec.begin(name, CAT.kernel);
      try {
        return run(args);
      } finally {
        rec.end(i);
      }
    };
  }
  return (args) => {
    const i = rec.begin(name, CAT.kernel, shapes ? inputShapes(args.inputs) : null);
    let out: KernelOut | undefined;
    try {
      out = run(args);
      return out;
    } finally {
      rec.end(i);
      if (flops !== null && out !== undefined) {
        const first = Array.isArray(out) ? out[0] : out;
        flops[i] = kernelFlops(kernelName, args.inputs, (args.attrs ?? {}) as Record<string, unknown>, first ? first.shape : null);
      }
    }
  };
}

/**
 * @internal Times every tfjs kernel by swapping each registered kernel of the initialized
 * backends for a timed copy through tfjs's public kernel registry, and putting the originals
 * back on `uninstall`. While not profiling, kernels run untouched: nothing is left behind.
 */
export class KernelHooks {
  private installed: { original: KernelConfig; wrapped: KernelConfig }[] = [];

  install(rec: Recording): void {
    // Every registered backend, initialized or not: dl-bottleneck starts profiling from a preload,
    // before the script's first `await dl.ready()` has picked and started one.
    const engine = tf.engine() as unknown as { registry: Record<string, unknown>; registryFactory: Record<string, unknown>; backendName: string | null };
    const backends = new Set([...Object.keys(engine.registryFactory), ...Object.keys(engine.registry)]);
    if (engine.backendName) backends.add(engine.backendName);
    for (const backend of backends) {
      for (const original of tf.getKernelsForBackend(backend)) {
        const wrapped: KernelConfig = { ...original, kernelFunc: wrap(original, rec) };
        tf.unregisterKernel(original.kernelName, backend);
        tf.registerKernel(wrapped);
        this.installed.push({ original, wrapped });
      }
    }
  }

  uninstall(): void {
    for (const { original, wrapped } of this.installed) {
      // Leave alone a kernel someone registered anew while profiling.
      if (tf.getKernel(original.kernelName, original.backendName) !== wrapped) continue;
      tf.unregisterKernel(original.kernelName, original.backendName);
      tf.registerKernel(original);
    }
    this.installed = [];
  }
}
