import type { EventCategory } from '../record/recording';
import type { FunctionEvent } from './function-event';

/**
 * The sum of several events with one key (PyTorch's `FunctionEventAvg`), as `keyAverages()`
 * returns them: call count, total and self CPU time, their per-call averages, memory and FLOPs.
 *
 * @example
 * ```ts
 * const mm = prof.keyAverages().find((e) => e.key === 'MatMul');
 * console.log(mm?.count, mm?.cpuTime); // calls, average microseconds per call
 * ```
 */
export class FunctionEventAvg {
  /** The name the events share. */
  key = '';
  /** The events' category. */
  category: EventCategory = 'cpu_op';
  /** Events summed. */
  count = 0;
  /** Microseconds, children included, summed over the events. */
  cpuTimeTotal = 0;
  /** Microseconds in the events themselves, summed. */
  selfCpuTimeTotal = 0;
  /** Net bytes allocated, children included, summed. */
  cpuMemoryUsage = 0;
  /** Net bytes allocated by the events themselves, summed. */
  selfCpuMemoryUsage = 0;
  /** Floating-point operations, summed. */
  flops = 0;
  /** The input shapes (only when grouped by input shape), else null. */
  inputShapes: number[][] | null = null;
  /** The first frames of the stack (only when grouped by stack), else null. */
  stack: string[] | null = null;
  /** Whether the events are async ranges. */
  isAsync = false;
  /** The parent of the first event added (so top-level filtering works on averages). */
  parent: FunctionEvent | null = null;

  /** Average microseconds per call, children included. */
  get cpuTime(): number {
    return this.count === 0 ? 0 : this.cpuTimeTotal / this.count;
  }

  /** Average microseconds per call in the events themselves. */
  get selfCpuTime(): number {
    return this.count === 0 ? 0 : this.selfCpuTimeTotal / this.count;
  }

  /** Adds one event (or another average) to the sums. */
  add(other: FunctionEvent | FunctionEventAvg): this {
    if (this.count === 0) {
      this.key = other.key;
      this.category = other.category;
      this.isAsync = other.isAsync;
      this.inputShapes = other.inputShapes;
      this.stack = other.stack;
      this.parent = other.parent;
    }
    this.count += other.count;
    this.cpuTimeTotal += other.cpuTimeTotal;
    this.selfCpuTimeTotal += other.selfCpuTimeTotal;
    this.cpuMemoryUsage += other.cpuMemoryUsage;
    this.selfCpuMemoryUsage += other.selfCpuMemoryUsage;
    this.flops += other.flops;
    return this;
  }

  toString(): string {
    return `<FunctionEventAvg key=${this.key} self_cpu_time=${this.selfCpuTimeTotal.toFixed(3)}us cpu_time=${this.cpuTime.toFixed(3)}us count=${this.count} input_shapes=${JSON.stringify(this.inputShapes)} cpu_memory_usage=${this.cpuMemoryUsage}>`;
  }
}
