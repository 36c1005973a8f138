import { ValueError } from '@dl/core';
import { Profiler } from './profiler';
import type { ProfilerOptions } from './profiler-options';

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return v !== null && (typeof v === 'object' || typeof v === 'function') && typeof (v as { then?: unknown }).then === 'function';
}

/**
 * Profiles `fn` (PyTorch's `with torch.autograd.profiler.profile(...) as prof:` block) and
 * returns the stopped {@link Profiler} to read results from; with an async `fn`, a promise of
 * it. If `fn` throws, the profiler stops and the error passes through.
 *
 * @param options see {@link ProfilerOptions}.
 * @example
 * ```ts
 * const prof = profile({ recordShapes: true }, () => model.forward(x).sum().backward());
 * console.log(prof.keyAverages().table({ sortBy: 'cpu_time_total', rowLimit: 10 }));
 * const prof2 = await profile(async () => { await trainer.run(loader, { maxEpochs: 1 }); });
 * ```
 */
export function profile(fn: (prof: Profiler) => Promise<unknown>): Promise<Profiler>;
export function profile(fn: (prof: Profiler) => unknown): Profiler;
export function profile(options: ProfilerOptions, fn: (prof: Profiler) => Promise<unknown>): Promise<Profiler>;
export function profile(options: ProfilerOptions, fn: (prof: Profiler) => unknown): Profiler;
export function profile(a: ProfilerOptions | ((prof: Profiler) => unknown), b?: (prof: Profiler) => unknown): Profiler | Promise<Profiler> {
  const fn = typeof a === 'function' ? a : b;
  const options = typeof a === 'function' ? {} : a;
  if (typeof fn !== 'function') throw new ValueError(`profile: expected a function to profile, got ${fn === undefined ? 'none' : typeof fn}`);
  const prof = new Profiler(options).start();
  let out: unknown;
  try {
    out = fn(prof);
  } catch (e) {
    prof.stop();
    throw e;
  }
  if (!isThenable(out)) {
    prof.stop();
    return prof;
  }
  return Promise.resolve(out).then(
    () => prof.stop(),
    (e: unknown) => {
      prof.stop();
      throw e;
    },
  );
}
