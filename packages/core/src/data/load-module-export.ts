import { ValueError } from '../errors/value-error';
import { CORE_MODULE, moduleHref, type ModuleExport } from './module-export';
// biome-ignore lint/suspicious/noImportCycles: call-time import of this copy's public API (docs/internals/lint.md).
import { importSelf } from './self-module';

function exportOf(mod: Record<string, unknown>, name: string, href: string, role: string): unknown {
  if (!(name in mod)) {
    const names = Object.keys(mod).filter((k) => k !== '__esModule');
    throw new ValueError(`${role}: module ${href} has no export '${name}' (it exports: ${names.length ? names.join(', ') : 'nothing'})`);
  }
  return mod[name];
}

/**
 * @internal Imports the export a {@link ModuleExport} names (`@dl/core` exports come from this
 * copy). Works in browsers too (plain dynamic import); `load` replaces `import()` for other
 * modules (DataLoader workers load TypeScript their own way).
 */
export async function importModuleExport(spec: ModuleExport, role: string, load?: (href: string) => Promise<unknown>): Promise<unknown> {
  const href = moduleHref(spec, role);
  const name = spec.export ?? 'default';
  if (href === CORE_MODULE) {
    // Loaded on demand: a worker whose dataset holds plain data never loads the tensor datasets.
    const { builtinDatasets } = await import('./builtin-datasets');
    if (name in builtinDatasets) return builtinDatasets[name];
  }
  // '@dl/core' means this copy of the library, whatever the package name resolves to here.
  const mod = (href === CORE_MODULE ? await importSelf() : load ? await load(href) : await import(/* @vite-ignore */ href)) as Record<string, unknown>;
  return exportOf(mod, name, href, role);
}

/** @internal A function export, bound to call as `fn(...callArgs, ...spec.args)`. */
export async function loadModuleFunction(spec: ModuleExport, role: string): Promise<(...args: unknown[]) => unknown> {
  const fn = await importModuleExport(spec, role);
  if (typeof fn !== 'function') throw new ValueError(`${role}: export '${spec.export ?? 'default'}' of ${moduleHref(spec, role)} is not a function (got ${typeof fn})`);
  const extra = spec.args ?? [];
  return (...args: unknown[]) => (fn as (...a: unknown[]) => unknown)(...args, ...extra);
}

/** @internal Whether an export is a class (constructed with `new`) rather than a plain function. */
export function isClass(fn: unknown): fn is new (...args: unknown[]) => unknown {
  return typeof fn === 'function' && /^class[\s{]/.test(Function.prototype.toString.call(fn));
}

/**
 * @internal Makes an object (a dataset, a transform) from an export: a class is constructed with
 * `args`, a factory function called (and awaited), an object used as is.
 */
export async function instantiateExport(exp: unknown, args: readonly unknown[], what: string, role: string): Promise<unknown> {
  let obj: unknown;
  if (isClass(exp)) obj = new exp(...args);
  else if (typeof exp === 'function') obj = await (exp as (...a: unknown[]) => unknown)(...args);
  else if (args.length === 0) obj = exp;
  else throw new ValueError(`${role}: ${what} is not a class or a function, so it cannot take args`);
  if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) throw new ValueError(`${role}: ${what} did not give an object (got ${obj === null ? 'null' : typeof obj})`);
  return obj;
}
