import { profile } from '@dl/profiler';
// Loaded for its effect: profiles then include ignite's engine events and handler times.
import '@dl/profiler/ignite';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Runs `fn` as is, or (with `enabled`) under @dl/profiler: prints the ops and ranges that took
 * the most time and writes a Chrome trace to `outputDir/trace.json`.
 *
 * @example
 * ```ts
 * const result = await withProfiler(true, './out', () => trainFizzBuzz({ epochs: 5 }));
 * ```
 */
export async function withProfiler<T>(enabled: boolean, outputDir: string, fn: () => Promise<T>): Promise<T> {
  if (!enabled) return fn();
  let out: T | undefined;
  const prof = await profile(async () => {
    out = await fn();
  });
  console.log('\nProfile (top 20 by self CPU time):');
  console.log(prof.keyAverages().table({ sortBy: 'self_cpu_time_total', rowLimit: 20 }));
  mkdirSync(outputDir, { recursive: true });
  const trace = join(outputDir, 'trace.json');
  prof.exportChromeTrace(trace);
  console.log(`Chrome trace of ${prof.events().length} events written to ${trace} (open it in https://ui.perfetto.dev or chrome://tracing)`);
  return out as T;
}
