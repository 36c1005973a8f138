// How a DataLoader worker loads the modules its specs name (datasets, collateFn, workerInitFn).
//
// Start-up is most of the cost of fresh workers every epoch, and module loading is most of the
// start-up. Measured on a 2-core machine, one worker of a TypeScript dataset module that imports
// @dl/core: tsx's ES module hooks (a hooks thread of their own, and module loading in both
// threads) were ~40% of it; Node scanning @dl/core's CommonJS entry for its export names, which
// `import '@dl/core'` of the ESM wrapper makes it do, ~30%; TensorFlow.js itself and the backend
// ~15%. So, with the built (CommonJS) runtime, a TypeScript module is compiled by tsx's CommonJS
// hook inside the thread and `require`d: its `import ... from '@dl/core'` then finds @dl/core's
// CommonJS build already loaded, with no hooks thread and no export scan. Modules that only work
// as ES modules (top-level await, ESM-only dependencies) fall back to tsx's ES module hooks.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { TsLoader } from './ts-loader';
import { isTypeScriptModule } from './ts-loader';

/** @internal What the worker's bootstrap found out about how it runs. */
export interface LoadingMode {
  /** The runtime is the built CommonJS file (`require` of modules is possible). */
  commonjs: boolean;
  /** tsx's APIs, when some spec module is TypeScript. */
  tsLoader: TsLoader | null;
  /** Whether tsx's ES module hooks are registered already (a TypeScript runtime: the sources). */
  hooks: boolean;
}

/** Errors that mean "this module only loads as an ES module", not "this module is broken". */
function needsEsm(e: unknown): boolean {
  const err = e as { code?: unknown; name?: unknown; message?: unknown } | null;
  if (err === null || typeof err !== 'object') return false;
  if (err.code === 'ERR_REQUIRE_ESM' || err.code === 'ERR_REQUIRE_ASYNC_MODULE') return true;
  return err.name === 'TransformError' && /top-level await|"cjs" output format/i.test(String(err.message));
}

/** @internal Loads spec modules as `import()` would, TypeScript through the cheapest working route. */
export class ModuleLoader {
  private cjsRegistered = false;
  private hooks: boolean;

  constructor(private readonly mode: LoadingMode) {
    this.hooks = mode.hooks;
  }

  /** The module's namespace (its `module.exports` when it was required). */
  async load(href: string): Promise<unknown> {
    const ts = this.mode.tsLoader;
    if (ts !== null && isTypeScriptModule(href)) {
      if (this.mode.commonjs && ts.cjs !== null && !this.hooks) {
        const req = createRequire(import.meta.url);
        this.registerCjs(req, ts.cjs);
        try {
          return req(fileURLToPath(href));
        } catch (e) {
          if (!needsEsm(e)) throw e;
        }
      }
      if (!this.hooks && ts.esm !== null) {
        ((await import(ts.esm)) as { register(): void }).register();
        this.hooks = true;
      }
    }
    return import(/* @vite-ignore */ href);
  }

  private registerCjs(req: NodeJS.Require, api: string): void {
    if (this.cjsRegistered) return;
    this.cjsRegistered = true;
    // @dl/core's CommonJS build (beside this runtime) first: TypeScript modules that import
    // @dl/core find it loaded, and tsx's hook, which scans every file it sees, never sees it.
    try {
      req(req.resolve('./index.js'));
    } catch {
      // not beside the runtime (a custom bundle): modules load it themselves
    }
    (req(api) as { register(): void }).register();
  }
}
