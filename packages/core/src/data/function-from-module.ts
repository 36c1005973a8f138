import { ValueError } from '../errors/value-error';
import { loadModuleFunction } from './load-module-export';
import type { ModuleExport } from './module-export';

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

/** @internal The spec of a function made by {@link functionFromModule} (or any function with a `workerSpec()`). */
export function functionSpec(fn: unknown): ModuleExport | undefined {
  if (typeof fn !== 'function') return undefined;
  const ws = (fn as { workerSpec?: unknown }).workerSpec;
  return typeof ws === 'function' ? (ws.call(fn) as ModuleExport | undefined) : undefined;
}
