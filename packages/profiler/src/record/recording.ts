/** What kind of range an event is; also the `cat` of its Chrome trace event. */
export type EventCategory = 'cpu_op' | 'kernel' | 'user_annotation' | 'dataloader' | 'ignite';

/** The phase of an op event: its forward, or its backward node during `backward()`. */
export type OpPhase = 'forward' | 'backward';

/** @internal Category codes stored per event (small integers keep the columns compact). */
export const CAT = { forward: 0, backward: 1, kernel: 2, user: 3, dataloader: 4, ignite: 5 } as const;

/** @internal What the columns of a {@link Recording} hold, turned into events after `stop()`. */
export interface RecordingOptions {
  recordShapes: boolean;
  profileMemory: boolean;
  withStack: boolean;
  withFlops: boolean;
}

/**
 * @internal The events of one profiling session, stored column by column so recording an event
 * costs a few array pushes and two clock reads. `begin` returns the event's index, the token
 * `end` takes.
 */
export class Recording {
  readonly names: string[] = [];
  readonly cats: number[] = [];
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  /** Per event: input shapes (with `recordShapes`). */
  readonly shapes: (number[][] | null)[] | null;
  /** Per event: bytes held by tensors at begin and at end (with `profileMemory`). */
  readonly memBegin: number[] | null;
  readonly memEnd: number[] | null;
  /** Per event: the caller's frames, innermost first (with `withStack`). */
  readonly stacks: (string[] | null)[] | null;
  /** Per event: floating-point operations (with `withFlops`). */
  readonly flops: number[] | null;
  /** `performance.now()` when recording started, and wall-clock milliseconds then. */
  readonly t0: number;
  readonly epochMs: number;
  /** Reads the bytes held by tensors (the tfjs engine's count), with `profileMemory`. */
  memoryProbe: (() => number) | null = null;
  /** Captures the caller's frames, with `withStack`. */
  stackProbe: (() => string[] | null) | null = null;

  constructor(readonly options: RecordingOptions) {
    this.shapes = options.recordShapes ? [] : null;
    this.memBegin = options.profileMemory ? [] : null;
    this.memEnd = options.profileMemory ? [] : null;
    this.stacks = options.withStack ? [] : null;
    this.flops = options.withFlops ? [] : null;
    this.t0 = performance.now();
    this.epochMs = Date.now();
  }

  /** The number of events recorded (open ones included). */
  get length(): number {
    return this.names.length;
  }

  /** Opens an event; `shapes` is read only when shapes are recorded. */
  begin(name: string, cat: number, shapes: number[][] | null = null, stack = false): number {
    const i = this.names.length;
    this.names.push(name);
    this.cats.push(cat);
    this.ends.push(NaN);
    if (this.shapes !== null) this.shapes.push(shapes);
    if (this.stacks !== null) this.stacks.push(stack && this.stackProbe !== null ? this.stackProbe() : null);
    if (this.flops !== null) this.flops.push(0);
    if (this.memBegin !== null) {
      const m = this.memoryProbe ? this.memoryProbe() : 0;
      this.memBegin.push(m);
      this.memEnd!.push(m);
    }
    // Read the clock last, so the bookkeeping above is not billed to the event.
    this.starts.push(performance.now());
    return i;
  }

  /** Closes event `i` (the token `begin` returned). */
  end(i: number): void {
    this.ends[i] = performance.now();
    if (this.memEnd !== null) this.memEnd[i] = this.memoryProbe ? this.memoryProbe() : 0;
  }

  /** Closes every event still open (a range whose code never returned) at `now`. */
  closeOpen(now: number): number {
    let closed = 0;
    for (let i = 0; i < this.ends.length; i++) {
      if (Number.isNaN(this.ends[i])) {
        this.ends[i] = now;
        if (this.memEnd !== null) this.memEnd[i] = this.memoryProbe ? this.memoryProbe() : 0;
        closed++;
      }
    }
    return closed;
  }
}
