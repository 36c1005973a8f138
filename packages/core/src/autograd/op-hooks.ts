import type { Tensor } from '../tensor/tensor';

/**
 * What a profiler implements to see every op @dl/core runs (forward and backward). When none is
 * set, ops pay one null check.
 */
export interface OpRecorder {
  /** Called before an op runs; the value returned is handed to `end`. */
  begin(name: string, inputs: readonly Tensor[] | null, phase: 'forward' | 'backward'): unknown;
  /** Called after the op ran (its outputs are computed). */
  end(token: unknown): void;
}

export const opHooks: { recorder: OpRecorder | null } = { recorder: null };

/**
 * Installs (or with `null` removes) the op recorder. Used by `@dl/profiler`.
 *
 * @example
 * ```ts
 * setOpRecorder({ begin: (name) => performance.now(), end: (t0) => console.log(performance.now() - (t0 as number)) });
 * ```
 */
export function setOpRecorder(recorder: OpRecorder | null): void {
  opHooks.recorder = recorder;
}
