import { ValueError } from '../errors/value-error';
import { describeModuleExport, type ModuleExport } from './module-export';
// biome-ignore lint/suspicious/noImportCycles: the cycle closes only at load-module-export.ts's call-time import('../index'), on purpose (docs/internals/lint.md).
import { importModuleExport, instantiateExport } from './load-module-export';

/**
 * Imports a dataset class (or factory) from a module, builds it with `args`, and remembers the
 * spec as its `workerSpec()`, so the result works with `numWorkers > 0` even when its class does
 * not override `workerSpec`.
 *
 * @example
 * ```ts
 * const dataset = await dl.datasetFromModule<FizzBuzzDataset>({
 *   module: new URL('./fizzbuzz-dataset.ts', import.meta.url), export: 'FizzBuzzDataset', args: [10],
 * });
 * const loader = new dl.DataLoader(dataset, { batchSize: 64, numWorkers: 2 });
 * ```
 */
export async function datasetFromModule<D extends object>(spec: ModuleExport): Promise<D> {
  const exp = await importModuleExport(spec, 'datasetFromModule');
  const args = spec.args ?? [];
  if (!Array.isArray(args)) throw new ValueError(`datasetFromModule: args should be an array, got ${typeof args}`);
  const ds = (await instantiateExport(exp, args, describeModuleExport(spec), 'datasetFromModule')) as D;
  const frozen: ModuleExport = { module: spec.module, export: spec.export ?? 'default', args };
  Object.defineProperty(ds, 'workerSpec', { value: () => frozen, configurable: true, writable: true, enumerable: false });
  return ds;
}
