import { ArgumentTypeError, type ModuleExport } from '@dl/core';
import { visionModuleUrl } from '../self-module';
import { describeArg } from './internal/transform-args';
import { Transform } from './transform';

function ownWorkerSpec(fn: unknown): ModuleExport | undefined {
  const ws = (fn as { workerSpec?: unknown }).workerSpec;
  return typeof ws === 'function' ? (ws.call(fn) as ModuleExport | undefined) : undefined;
}

/**
 * A transform made from a function (torchvision's `Lambda`). DataLoader worker threads can rebuild
 * it only when the function says how (a `workerSpec()`, as `functionFromModule` gives it);
 * otherwise `workerSpec()` returns undefined and a DataLoader with `numWorkers > 0` refuses the
 * dataset with an error naming where the function sits.
 *
 * @param lambd the function to apply.
 * @example
 * ```ts
 * const crops = new Compose([new FiveCrop(8), new Lambda((cs: Image[]) => dl.stack(cs.map((c) => toTensor(c))))]);
 * // in workers: new Lambda(await dl.functionFromModule({ module: new URL('./fns.ts', import.meta.url), export: 'stackCrops' }))
 * ```
 */
export class Lambda<I = unknown, O = unknown> extends Transform<I, O> {
  /** The function applied. */
  readonly lambd: (input: I) => O;

  constructor(lambd: (input: I) => O) {
    super();
    if (typeof lambd !== 'function') throw new ArgumentTypeError(`Lambda: Argument lambd should be callable, got ${describeArg(lambd)}`);
    this.lambd = lambd;
  }

  /** Calls the function. */
  override forward(input: I): O {
    return this.lambd(input);
  }

  /** Rebuilt in a worker from the function's own `workerSpec()`; undefined when it has none. */
  override workerSpec(): ModuleExport | undefined {
    if (ownWorkerSpec(this.lambd) === undefined) return undefined;
    return { module: visionModuleUrl(), export: 'Lambda', args: [this.lambd] };
  }

  /** `Lambda()`. */
  override toString(): string {
    return 'Lambda()';
  }
}
