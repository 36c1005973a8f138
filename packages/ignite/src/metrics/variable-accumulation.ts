import { Tensor, ValueError } from '@dl/core';
import { Metric, type MetricOptions } from './metric';

/** An accumulated value: a number, or a vector (per-feature sums). */
export type Accumulated = number | number[];

/** What accumulation metrics take: a number, or a Tensor (a batch `[N, ...]` or a single value). */
export type AccumulationInput = number | Tensor;

/** @internal A Tensor as what it adds (summed over the batch dim when 2-D or more) and how many samples it holds. */
export function batchContribution(output: AccumulationInput, op: string, transform: (v: number) => number = (v) => v): { value: Accumulated; count: number } {
  if (typeof output === 'number') return { value: transform(output), count: 1 };
  if (!(output instanceof Tensor)) throw new ValueError(`${op}: output should be a number or a Tensor, but given ${output === null ? 'null' : typeof output}`);
  const data = Array.from(output.dataSync(), transform);
  if (output.ndim <= 1) return { value: output.ndim === 0 ? data[0] : data, count: 1 };
  const n = output.shape[0];
  const width = data.length / n;
  const sums = new Array<number>(width).fill(0);
  for (let i = 0; i < data.length; i++) sums[i % width] += data[i];
  return { value: sums, count: n };
}

/** @internal `a + b` for accumulated values (numbers broadcast over vectors). */
export function addAccumulated(a: Accumulated, b: Accumulated, op: string): Accumulated {
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  if (typeof a === 'number') return (b as number[]).map((v) => v + a);
  if (typeof b === 'number') return a.map((v) => v + b);
  if (a.length !== b.length) throw new ValueError(`${op}: accumulated values of lengths ${a.length} and ${b.length} do not match`);
  return a.map((v, i) => v + b[i]);
}

/**
 * Folds every output into an accumulator with `op` and counts samples (ignite's
 * `VariableAccumulation`); `compute()` returns `[accumulator, numExamples]`. Tensors with a batch
 * dimension (2-D or more) count `shape[0]` samples, anything else one.
 *
 * @example
 * ```ts
 * const maxSeen = new VariableAccumulation((acc, x) => Math.max(acc as number, x as number));
 * ```
 */
export class VariableAccumulation extends Metric<AccumulationInput, [Accumulated, number]> {
  override readonly requiredOutputKeys = null;
  protected override readonly stateKeys = ['accumulator', 'numExamples'];
  protected accumulator: Accumulated = 0;
  protected numExamples = 0;
  private readonly op: (accumulator: Accumulated, output: AccumulationInput) => Accumulated;

  constructor(op: (accumulator: Accumulated, output: AccumulationInput) => Accumulated, options: MetricOptions<AccumulationInput> = {}) {
    super(options);
    if (typeof op !== 'function') throw new ValueError(`VariableAccumulation: op should be a function, but given ${typeof op}`);
    this.op = op;
    this.reset();
  }

  reset(): void {
    this.accumulator = 0;
    this.numExamples = 0;
  }

  update(output: AccumulationInput): void {
    if (typeof output !== 'number' && !(output instanceof Tensor)) throw new ValueError(`${this.constructor.name}.update: output should be a number or a Tensor, but given ${output === null ? 'null' : typeof output}`);
    this.accumulator = this.op(this.accumulator, output);
    this.numExamples += output instanceof Tensor && output.ndim > 1 ? output.shape[0] : 1;
  }

  compute(): [Accumulated, number] {
    return [this.accumulator, this.numExamples];
  }
}
