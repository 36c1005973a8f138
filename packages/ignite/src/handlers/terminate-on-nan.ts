import { Tensor, ValueError, all, isfinite, scope } from '@dl/core';
import type { Engine } from '../engine/engine';

/** Options of {@link TerminateOnNan}. */
export interface TerminateOnNanOptions {
  /** Picks what to check from `state.output`. @default the output itself */
  outputTransform?: (output: unknown) => unknown;
  /** Where to report. @default console.warn */
  log?: (message: string) => void;
}

function finite(value: unknown, depth = 0): boolean {
  if (depth > 8) return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (value instanceof Tensor) return value.numel() === 0 || scope(() => Boolean(all(isfinite(value)).item()));
  if (Array.isArray(value)) return value.every((v) => finite(v, depth + 1));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value).every((v) => finite(v, depth + 1));
  return true;
}

/**
 * Stops the run when the output holds a NaN or an infinity (ignite's `TerminateOnNan`): numbers,
 * Tensors, and arrays or objects of them are checked.
 *
 * @example
 * ```ts
 * trainer.on(Events.ITERATION_COMPLETED, new TerminateOnNan());
 * ```
 */
export class TerminateOnNan {
  private readonly outputTransform: (output: unknown) => unknown;
  private readonly log: (message: string) => void;

  constructor(options: TerminateOnNanOptions = {}) {
    if (options.outputTransform !== undefined && typeof options.outputTransform !== 'function') throw new ValueError('TerminateOnNan: outputTransform should be a function');
    this.outputTransform = options.outputTransform ?? ((x) => x);
    this.log = options.log ?? ((m) => console.warn(m));
  }

  /** Checks the output and calls `engine.terminate()` if it is not finite. */
  call(engine: Engine): void {
    const output = this.outputTransform(engine.state.output);
    if (!finite(output)) {
      this.log(`TerminateOnNan: output '${output instanceof Tensor ? output.toString() : String(output)}' contains NaN or Inf. Stop training`);
      engine.terminate();
    }
  }
}
