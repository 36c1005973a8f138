// Datasets and functions the worker-thread tests rebuild inside workers.
import { threadId } from 'node:worker_threads';
import { Dataset } from '../../src/data/dataset';
import { IterableDataset } from '../../src/data/iterable-dataset';
import type { ModuleExport } from '../../src/data/module-export';
import { getWorkerInfo } from '../../src/data/worker/worker-info';
import { defaultGenerator } from '../../src/random/generator';

const here = import.meta.url;

/** What a worker reports about itself for one index. */
export interface Probe {
  index: number;
  worker: number;
  seed: number;
  generatorSeed: number;
  initTag: string;
  thread: number;
}

/** Items report the worker that made them; odd indices are slower, so completion order differs from sampler order. */
export class ProbeDataset extends Dataset<Probe> {
  constructor(readonly size: number) {
    super();
  }
  get length(): number {
    return this.size;
  }
  async getItem(index: number): Promise<Probe> {
    await new Promise((r) => setTimeout(r, index % 2 === 1 ? 30 : 1));
    const info = getWorkerInfo();
    return {
      index,
      worker: info?.id ?? -1,
      seed: info ? info.seed % 2 ** 32 : -1,
      generatorSeed: defaultGenerator.initialSeed(),
      initTag: String((globalThis as { initTag?: string }).initTag),
      thread: threadId,
    };
  }
  override workerSpec(): ModuleExport {
    return { module: here, export: 'ProbeDataset', args: [this.size] };
  }
}

/** workerInitFn: leaves a tag the dataset reports. */
export function tagWorker(workerId: number, prefix: string): void {
  (globalThis as { initTag?: string }).initTag = `${prefix}${workerId}`;
}

/** How each item fails: a throw, a process.exit, a hang, or an uncaught error outside getItem. */
export type Fault = 'throw' | 'exit' | 'hang' | 'uncaught' | 'none';

/** Numbers, except at `at`, where `fault` happens (only inside a worker). */
export class FaultyDataset extends Dataset<number> {
  constructor(
    readonly size: number,
    readonly at: number,
    readonly fault: Fault,
  ) {
    super();
  }
  get length(): number {
    return this.size;
  }
  getItem(index: number): number {
    if (index === this.at) explode(this.fault, index);
    return index;
  }
  override workerSpec(): ModuleExport {
    return { module: here, export: 'FaultyDataset', args: [this.size, this.at, this.fault] };
  }
}

function explode(fault: Fault, index: number): void {
  if (fault === 'throw') throw new RangeError(`item ${index} is cursed`);
  if (fault === 'exit') process.exit(3);
  if (fault === 'uncaught') {
    setTimeout(() => {
      throw new TypeError('lost in a timer');
    }, 0);
    return;
  }
  if (fault === 'hang') for (;;) Math.sqrt(index);
}

/** A dataset whose constructor fails in workers (it works in the main thread). */
export class BrokenInWorkers extends Dataset<number> {
  constructor() {
    super();
    if (getWorkerInfo()) throw new Error('no database connection in worker');
  }
  get length(): number {
    return 4;
  }
  getItem(index: number): number {
    return index;
  }
  override workerSpec(): ModuleExport {
    return { module: here, export: 'BrokenInWorkers' };
  }
}

/** 0..size-1, split between workers by id (PyTorch's sharding recipe). */
export class ShardedRange extends IterableDataset<number> {
  constructor(readonly size: number) {
    super();
  }
  get length(): number {
    return this.size;
  }
  override *[Symbol.iterator](): Iterator<number> {
    const info = getWorkerInfo();
    const [id, n] = info ? [info.id, info.numWorkers] : [0, 1];
    for (let i = id; i < this.size; i += n) yield i;
  }
  override workerSpec(): ModuleExport {
    return { module: here, export: 'ShardedRange', args: [this.size] };
  }
}

/** 0..size-1 through a transform function (rebuilt in workers from its workerSpec()). */
export class TransformedRange extends Dataset<number> {
  constructor(
    readonly size: number,
    readonly transform: (x: number) => number,
  ) {
    super();
  }
  get length(): number {
    return this.size;
  }
  getItem(index: number): number {
    return this.transform(index);
  }
  override workerSpec(): ModuleExport {
    return { module: here, export: 'TransformedRange', args: [this.size, this.transform] };
  }
}

/**
 * A callable instance of a class (as @dl/vision's transforms are) whose workerSpec names the
 * class: workers construct it rather than call it.
 */
export class Scaler {
  declare readonly factor: number;
  constructor(factor: number) {
    const call = (x: number) => x * factor;
    const self = Object.setPrototypeOf(call, new.target.prototype) as Scaler;
    Object.defineProperty(self, 'factor', { value: factor });
    // biome-ignore lint/correctness/noConstructorReturn: a callable instance, as Transform makes them
    return self;
  }
  workerSpec(): ModuleExport {
    return { module: here, export: 'Scaler', args: [this.factor] };
  }
}

/** A dataset that reads its items in an async prepare() (as a VisionDataset does): length throws before. */
export class PreparedRange extends Dataset<number> {
  private items: number[] | undefined;
  constructor(readonly size: number) {
    super();
  }
  async prepare(): Promise<this> {
    await new Promise((resolve) => setTimeout(resolve, 5));
    this.items = Array.from({ length: this.size }, (_, i) => i * 10);
    return this;
  }
  get length(): number {
    if (!this.items) throw new Error('PreparedRange: not prepared yet');
    return this.items.length;
  }
  getItem(index: number): number {
    return this.items![index]!;
  }
  override workerSpec(): ModuleExport {
    return { module: here, export: 'PreparedRange', args: [this.size] };
  }
}
