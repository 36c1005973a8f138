import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ValueError } from '../../errors/value-error';
import { describeValue } from '../collate/describe-value';
import type { LoaderPlan } from '../loader/loader-plan';
import { describeModuleExport, type ModuleExport } from '../module-export';
import { encodeSpec, type EncodeOptions } from './codec';
import type { EncodedSpec, WorkerConfig } from './protocol';
import { findTsLoader, isTypeScriptModule } from './ts-loader';

/**
 * @internal The worker runtime's URL: beside this file in the sources (run through a TypeScript
 * loader), `data-worker.js` beside the bundle in the published build.
 */
export function runtimeUrl(): string {
  const here = import.meta.url;
  if (/\.ts$/.test(here)) return new URL('./worker-main.ts', here).href;
  const built = new URL('./data-worker.js', here);
  if (built.protocol === 'file:' && !existsSync(fileURLToPath(built))) {
    throw new ValueError(
      `DataLoader workers: the worker script ${built.href} is missing; if you bundle @dl/core, copy @dl/core/dist/data-worker.js next to the bundle or keep @dl/core external`,
    );
  }
  return built.href;
}

function collectModules(spec: EncodedSpec, into: string[]): void {
  into.push(spec.module);
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) v.forEach(walk);
    else if (v instanceof Map || v instanceof Set) for (const x of v.values()) walk(x);
    else if (!ArrayBuffer.isView(v)) {
      const o = v as Record<string, unknown>;
      if (o.__dl__ === 'instance' || o.__dl__ === 'function') collectModules(o.spec as EncodedSpec, into);
      else Object.values(o).forEach(walk);
    }
  };
  walk(spec.args);
}

function datasetSpec(plan: LoaderPlan): ModuleExport {
  const ds = plan.dataset as { workerSpec?: () => ModuleExport | undefined };
  const spec = typeof ds.workerSpec === 'function' ? ds.workerSpec() : undefined;
  if (!spec) {
    throw new ValueError(
      `DataLoader: numWorkers=${plan.numWorkers} needs a dataset each worker thread can rebuild, but ${describeValue(plan.dataset)} has no workerSpec(); ` +
        "override workerSpec() in its class to return { module: import.meta.url, export: 'ClassName', args: [...] }, or build it with datasetFromModule()",
    );
  }
  return spec;
}

/** @internal One start-up config per worker (the dataset and functions encoded once). */
export function buildWorkerConfigs(plan: LoaderPlan, baseSeed: number): WorkerConfig[] {
  const options: EncodeOptions = { toFileUrl: (p) => pathToFileURL(p).href };
  const spec = datasetSpec(plan);
  const dataset = encodeSpec(spec, 'dataset workerSpec()', options);
  const modules: string[] = [];
  collectModules(dataset, modules);
  let collate: WorkerConfig['collate'] = { mode: plan.collateMode === 'function' ? 'items' : 'default' };
  if (plan.collateMode === 'module' && plan.collateSpec) {
    const c = encodeSpec(plan.collateSpec, 'collateFn', options);
    collectModules(c, modules);
    collate = { mode: 'module', spec: c, text: describeModuleExport(plan.collateSpec) };
  }
  let initFn: WorkerConfig['initFn'] = null;
  if (plan.workerInitFn) {
    const s = encodeSpec(plan.workerInitFn, 'workerInitFn', options);
    collectModules(s, modules);
    initFn = { spec: s, text: describeModuleExport(plan.workerInitFn) };
  }
  const runtime = runtimeUrl();
  const tsModules = [runtime, ...modules].filter(isTypeScriptModule);
  const tsLoader = findTsLoader(tsModules, import.meta.url);
  const configs: WorkerConfig[] = [];
  for (let id = 0; id < plan.numWorkers; id++) {
    configs.push({
      kind: 'dl-data-worker',
      runtime,
      tsLoader,
      tsRuntime: isTypeScriptModule(runtime),
      id,
      numWorkers: plan.numWorkers,
      seed: baseSeed + id,
      dataset,
      datasetText: describeModuleExport(spec),
      iterable: plan.iterable,
      autoCollation: plan.autoCollation,
      batchSize: plan.batchSize,
      dropLast: plan.dropLast,
      collate,
      initFn,
      concurrency: plan.concurrency,
    });
  }
  return configs;
}
