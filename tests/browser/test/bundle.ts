// Bundles the page (page/index.html + page/main.ts, unchanged) with esbuild's and with Vite's
// JavaScript API, with no polyfill, stub, alias or plugin of any kind: what a user of the
// packages would get from either bundler's defaults for a browser build. Each build also gets
// the .wasm files that @dl/core ships (tfjs-backend-wasm's) copied into its `wasm/` folder.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { build as viteBuild, createLogger, createServer, type LogErrorOptions, type LogOptions } from 'vite';

export const PAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'page');

export const WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'];

/** Where the pages that get the .wasm files copied next to them fetch the simd one from. */
const SIMD_IN_WASM_DIR = /^\/wasm\/tfjs-backend-wasm-simd\.wasm$/;

export interface Bundle {
  /** The folder to serve. */
  outDir: string;
  /** The page to open, relative to outDir. */
  page: string;
  /** The URL path the browser should fetch the simd .wasm file from. */
  simdWasm: RegExp;
  /** The bundler's own warnings (tests require none). */
  warnings: string[];
  /** The emitted JavaScript files, relative to outDir. */
  scripts: string[];
  /** Milliseconds the bundler took. */
  ms: number;
}

/**
 * The folder holding the .wasm files that match @dl/core's wasm backend: @dl/core bundles
 * tfjs-backend-wasm's JavaScript and ships its three binaries in its own `dist/`.
 */
export function wasmSourceDir(): string {
  const corePackageJson = createRequire(import.meta.url).resolve('@dl/core/package.json');
  return join(dirname(corePackageJson), 'dist');
}

/** Copies the three .wasm files from @dl/core's dist/ to `outDir/wasm/`. */
export function copyWasmFiles(outDir: string): void {
  const from = wasmSourceDir();
  const to = join(outDir, 'wasm');
  mkdirSync(to, { recursive: true });
  for (const name of WASM_FILES) {
    const file = join(from, name);
    if (!existsSync(file)) throw new Error(`@dl/core ships no ${name} in ${from}: is @dl/core built?`);
    copyFileSync(file, join(to, name));
  }
}

function scriptsIn(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.js')).map((f) => f.split('\\').join('/'));
}

/**
 * esbuild: `bundle: true, platform: 'browser', format: 'esm'` on page/main.ts (or another entry
 * of page/ with its HTML page). esbuild does not read HTML, so the page is copied with its module
 * script pointed at the bundle. `wasm: false` leaves the .wasm files out (for the test of what a
 * missing file does).
 */
export async function bundleWithEsbuild(
  outDir: string,
  { entry = 'main', html = 'index.html', wasm = true }: { entry?: string; html?: string; wasm?: boolean } = {},
): Promise<Bundle> {
  const started = performance.now();
  const result = await esbuild.build({
    absWorkingDir: PAGE_DIR,
    entryPoints: { [entry]: join(PAGE_DIR, `${entry}.ts`) },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    outdir: outDir,
    logLevel: 'silent',
  });
  const ms = performance.now() - started;
  const text = readFileSync(join(PAGE_DIR, html), 'utf8');
  const script = `<script type="module" src="./${entry}.ts"></script>`;
  if (text.split(script).length !== 2) throw new Error(`page/${html} must contain ${script} exactly once`);
  writeFileSync(join(outDir, html), text.replace(script, `<script type="module" src="./${entry}.js"></script>`));
  if (wasm) copyWasmFiles(outDir);
  const warnings = esbuild.formatMessagesSync(result.warnings, { kind: 'warning', color: false });
  return { outDir, page: html, simdWasm: SIMD_IN_WASM_DIR, warnings, scripts: scriptsIn(outDir), ms };
}

/** Vite's logger, recording every warning and error it prints. */
function recordingLogger(warnings: string[]) {
  const logger = createLogger('warn', { allowClearScreen: false });
  return {
    ...logger,
    warn(msg: string, options?: LogOptions) {
      warnings.push(msg);
      logger.warn(msg, options);
    },
    warnOnce(msg: string, options?: LogOptions) {
      warnings.push(msg);
      logger.warnOnce(msg, options);
    },
    error(msg: string, options?: LogErrorOptions) {
      warnings.push(msg);
      logger.error(msg, options);
    },
  };
}

/** Vite's `build()` of one HTML page of page/, with no config file (only Vite's defaults apply). */
async function viteBuildPage(html: string, outDir: string, cacheDir: string, warnings: string[]): Promise<number> {
  const started = performance.now();
  await viteBuild({
    configFile: false,
    envDir: false,
    root: PAGE_DIR,
    base: './',
    cacheDir,
    logLevel: 'warn',
    customLogger: recordingLogger(warnings),
    build: {
      outDir,
      emptyOutDir: true,
      reportCompressedSize: false,
      // tfjs is large; a chunk-size note is not a problem of the packages.
      chunkSizeWarningLimit: 100_000,
      rolldownOptions: { input: join(PAGE_DIR, html) },
    },
  });
  return performance.now() - started;
}

/**
 * Vite: `build()` with page/ as the root (index.html is the entry) and no config file, so only
 * Vite's defaults apply. Its warnings are collected; a dependency that imports a Node built-in
 * shows up here ("externalized for browser compatibility") and in the output
 * (`__vite-browser-external`), and the test fails on either.
 */
export async function bundleWithVite(outDir: string, cacheDir: string): Promise<Bundle> {
  const warnings: string[] = [];
  const ms = await viteBuildPage('index.html', outDir, cacheDir, warnings);
  copyWasmFiles(outDir);
  return { outDir, page: 'index.html', simdWasm: SIMD_IN_WASM_DIR, warnings, scripts: scriptsIn(outDir), ms };
}

/**
 * Vite, the page's other entry (wasm-url.html → main-wasm-url.ts): the .wasm files come in as
 * `?url` imports, so Vite emits them as hashed assets and nothing is copied by hand.
 */
export async function bundleWithViteWasmUrl(outDir: string, cacheDir: string): Promise<Bundle> {
  const warnings: string[] = [];
  const ms = await viteBuildPage('wasm-url.html', outDir, cacheDir, warnings);
  return { outDir, page: 'wasm-url.html', simdWasm: /^\/assets\/tfjs-backend-wasm-simd-[\w-]+\.wasm$/, warnings, scripts: scriptsIn(outDir), ms };
}

/**
 * Vite's dev server on page/ (127.0.0.1, a free port), with a public/ folder holding wasm/ and
 * the three .wasm files: how an app serves them in development without `?url` imports.
 */
export async function startViteDev(workDir: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const publicDir = join(workDir, 'public');
  copyWasmFiles(publicDir);
  const server = await createServer({
    configFile: false,
    envDir: false,
    root: PAGE_DIR,
    publicDir,
    cacheDir: join(workDir, 'cache'),
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the Vite dev server reported no local URL');
  return { origin: url.replace(/\/$/, ''), close: () => server.close() };
}

/** A bare import found in a bundle: which file of which workspace package imports what. */
export interface BareImport {
  /** The importing package's name (`@dl/core`, ...). */
  importer: string;
  /** The imported package's name (`@tensorflow/tfjs-core`, ...). */
  imported: string;
}

/**
 * The packages the given @dl packages' files import by bare name in esbuild's browser bundle of
 * page/main.ts (from esbuild's metafile), each once per importing package.
 */
export async function bareImportsOfBrowserBundle(packages: Record<string, string>): Promise<BareImport[]> {
  const result = await esbuild.build({
    absWorkingDir: PAGE_DIR,
    entryPoints: [join(PAGE_DIR, 'main.ts')],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    outdir: join(PAGE_DIR, 'unused-out'),
    metafile: true,
    logLevel: 'silent',
  });
  const found = new Map<string, BareImport>();
  for (const [file, input] of Object.entries(result.metafile.inputs)) {
    const abs = join(PAGE_DIR, file);
    const importer = Object.entries(packages).find(([, dir]) => abs.startsWith(dir + '/'))?.[0];
    if (!importer) continue;
    for (const imp of input.imports) {
      const spec = imp.original;
      if (!spec || spec.startsWith('.') || spec.startsWith('/')) continue;
      const parts = spec.split('/');
      const imported = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
      found.set(`${importer} ${imported}`, { importer, imported });
    }
  }
  return [...found.values()];
}
