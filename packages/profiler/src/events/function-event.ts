import type { EventCategory, OpPhase } from '../record/recording';

/** The fields a {@link FunctionEvent} is made from. */
export interface FunctionEventInit {
  id: number;
  name: string;
  category: EventCategory;
  phase: OpPhase | null;
  thread: number;
  startUs: number;
  endUs: number;
  inputShapes: number[][] | null;
  stack: string[] | null;
  cpuMemoryUsage: number;
  flops: number;
}

/**
 * One recorded range (PyTorch's `FunctionEvent`): an op's forward or backward, a tfjs kernel
 * (`tfjs::` names), a user range, a DataLoader wait, or an ignite event or handler. Times are
 * microseconds from the start of profiling; `children` are the events directly inside it.
 *
 * @example
 * ```ts
 * for (const e of prof.events()) if (e.name === 'MatMulBackward') console.log(e.cpuTimeTotal, e.children.map((c) => c.name));
 * ```
 */
export class FunctionEvent {
  /** Position in recording order. */
  readonly id: number;
  /** The op, kernel or range name (`MatMul`, `MatMulBackward`, `tfjs::BatchMatMul`, `DataLoader.next`, ...). */
  readonly name: string;
  /** What kind of range this is (also the Chrome trace `cat`). */
  readonly category: EventCategory;
  /** For ops: `'forward'` or `'backward'`; null for other events. */
  readonly phase: OpPhase | null;
  /** The trace track (0: the main thread; higher: async ranges that overlap others only partly). */
  thread: number;
  /** Start and end, microseconds since profiling started. */
  readonly startUs: number;
  readonly endUs: number;
  /** Input shapes (with `recordShapes`), else null. */
  readonly inputShapes: number[][] | null;
  /** The user's frames, innermost first (with `withStack`), else null. */
  readonly stack: string[] | null;
  /** Net bytes of tensor memory allocated while the event ran (with `profileMemory`). */
  readonly cpuMemoryUsage: number;
  /** Floating-point operations (with `withFlops`; 0 for kernels without an estimate). */
  readonly flops: number;
  /** Always 1 (so events and averages share the table code). */
  readonly count = 1;
  /** Whether the event overlaps others only partly (an async range); it then has no parent or children. */
  isAsync = false;
  /** The event directly enclosing this one, or null at top level. */
  parent: FunctionEvent | null = null;
  /** The events directly inside this one, in start order. */
  readonly children: FunctionEvent[] = [];

  constructor(init: FunctionEventInit) {
    this.id = init.id;
    this.name = init.name;
    this.category = init.category;
    this.phase = init.phase;
    this.thread = init.thread;
    this.startUs = init.startUs;
    this.endUs = init.endUs;
    this.inputShapes = init.inputShapes;
    this.stack = init.stack;
    this.cpuMemoryUsage = init.cpuMemoryUsage;
    this.flops = init.flops;
  }

  /** The grouping key (the name). */
  get key(): string {
    return this.name;
  }

  /** Microseconds from start to end, children included. */
  get cpuTimeTotal(): number {
    return this.endUs - this.startUs;
  }

  /** Same as `cpuTimeTotal` for a single event (the per-call average of one call). */
  get cpuTime(): number {
    return this.cpuTimeTotal;
  }

  /** Microseconds spent in this event itself, children excluded (0 for async ranges). */
  get selfCpuTimeTotal(): number {
    if (this.isAsync) return 0;
    let t = this.cpuTimeTotal;
    for (const c of this.children) t -= c.cpuTimeTotal;
    return t;
  }

  /** Same as `selfCpuTimeTotal` for a single event. */
  get selfCpuTime(): number {
    return this.selfCpuTimeTotal;
  }

  /** Net bytes allocated by this event itself, children excluded. */
  get selfCpuMemoryUsage(): number {
    if (this.isAsync) return 0;
    let m = this.cpuMemoryUsage;
    for (const c of this.children) m -= c.cpuMemoryUsage;
    return m;
  }

  toString(): string {
    return `<FunctionEvent id=${this.id} name=${this.name} category=${this.category} cpu_time=${this.cpuTimeTotal.toFixed(3)}us start_us=${this.startUs.toFixed(3)} end_us=${this.endUs.toFixed(3)} children=[${this.children.map((c) => c.id).join(', ')}] input_shapes=${JSON.stringify(this.inputShapes)} cpu_memory_usage=${this.cpuMemoryUsage}>`;
  }
}
