import { ValueError } from '../errors/value-error';

/**
 * A value a worker thread can rebuild for itself: an export of a module, constructed (classes) or
 * called (functions) with `args`. Functions and class instances cannot cross threads, so a
 * dataset used with `numWorkers > 0` describes itself this way (see `Dataset.workerSpec`), and
 * so do `collateFn` and `workerInitFn` when they must run in the workers.
 *
 * `args` are copied into the worker with the structured clone algorithm; Tensors, datasets that
 * have a `workerSpec()` and `URL`s among them are rebuilt there too.
 *
 * @example
 * ```ts
 * const spec: dl.ModuleExport = { module: new URL('./fizzbuzz.ts', import.meta.url), export: 'FizzBuzzDataset', args: [10] };
 * ```
 */
export interface ModuleExport {
  /** The module: a `file:` URL (`new URL('./x.ts', import.meta.url)`), an absolute path, or a package name. */
  module: string | URL;
  /** The export's name. @default 'default' */
  export?: string;
  /** Constructor (or factory) arguments; for `collateFn`/`workerInitFn`, extra trailing arguments. @default [] */
  args?: readonly unknown[];
}

/** @internal The module name of @dl/core's own exports in a {@link ModuleExport}. */
export const CORE_MODULE = '@dl/core';

/** @internal Whether a value looks like a {@link ModuleExport}. */
export function isModuleExport(value: unknown): value is ModuleExport {
  if (value === null || typeof value !== 'object') return false;
  const m = (value as { module?: unknown }).module;
  return typeof m === 'string' || (typeof URL !== 'undefined' && m instanceof URL);
}

/** @internal A short text for messages: `FizzBuzzDataset from file:///x/fizzbuzz.ts`. */
export function describeModuleExport(spec: ModuleExport): string {
  const href = spec.module instanceof URL ? spec.module.href : spec.module;
  return `${spec.export ?? 'default'} from ${href}`;
}

/** @internal The module specifier as a string, refusing relative paths (relative to what?). */
export function moduleHref(spec: ModuleExport, role: string): string {
  const m = spec.module;
  const href = typeof URL !== 'undefined' && m instanceof URL ? m.href : m;
  if (typeof href !== 'string' || href === '') throw new ValueError(`${role}: module should be a URL, an absolute path or a package name, got ${String(href)}`);
  if (href.startsWith('./') || href.startsWith('../')) {
    throw new ValueError(`${role}: module '${href}' is a relative path, which has no fixed base across threads; pass new URL('${href}', import.meta.url)`);
  }
  return href;
}

/** @internal The spec of a function made by `functionFromModule` (or any function with a `workerSpec()`). */
export function functionSpec(fn: unknown): ModuleExport | undefined {
  if (typeof fn !== 'function') return undefined;
  const ws = (fn as { workerSpec?: unknown }).workerSpec;
  return typeof ws === 'function' ? (ws.call(fn) as ModuleExport | undefined) : undefined;
}
