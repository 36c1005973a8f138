import { ValueError } from '../errors/value-error';
// biome-ignore lint/suspicious/noImportCycles: the cycle closes only at load-module-export.ts's call-time import('../index'), on purpose (docs/internals/lint.md).
import { loadModuleFunction } from './load-module-export';
import type { ModuleExport } from './module-export';

// functionSpec lives in module-export.ts (the DataLoader needs it without loading modules); it is
// re-exported here, beside functionFromModule.
/** @internal */
export { functionSpec } from './module-export';

/** A function that also says how a worker thread rebuilds it (its module export). */
export type WorkerFunction<F extends (...args: never[]) => unknown> = F & { workerSpec(): ModuleExport };

/**
 * Imports a function from a module and returns it callable here, carrying its spec as
 * `workerSpec()`: it can then be handed to worker threads, as a DataLoader's `collateFn` or
 * `workerInitFn`, or inside a dataset's `workerSpec().args` (a transform, say). Extra `args` are
 * appended to every call.
 *
 * @example
 * ```ts
 * const collateFn = await dl.functionFromModule<(items: Item[]) => Batch>({
 *   module: new URL('./collate.ts', import.meta.url), export: 'padCollate', args: [0],
 * });
 * const loader = new dl.DataLoader(dataset, { batchSize: 32, numWorkers: 2, collateFn }); // runs in the workers
 * ```
 */
export async function functionFromModule<F extends (...args: never[]) => unknown>(spec: ModuleExport): Promise<WorkerFunction<F>> {
  if (spec.args !== undefined && !Array.isArray(spec.args)) throw new ValueError(`functionFromModule: args should be an array, got ${typeof spec.args}`);
  const fn = await loadModuleFunction(spec, 'functionFromModule');
  const frozen: ModuleExport = { module: spec.module, export: spec.export ?? 'default', args: spec.args ?? [] };
  const wrapped = (...args: unknown[]) => fn(...args);
  Object.defineProperty(wrapped, 'workerSpec', { value: () => frozen, enumerable: false });
  Object.defineProperty(wrapped, 'name', { value: frozen.export });
  return wrapped as unknown as WorkerFunction<F>;
}
