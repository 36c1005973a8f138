// The real-browser test: the page (page/), bundled unchanged by esbuild and by Vite, trains the
// MLP of page/train.ts on the wasm backend in headless Chromium, and must reach the very loss the
// same training reaches here in Node on wasm. Also: the Vite `?url` way of serving the .wasm
// files, picking webgl with dl.ready() once its tfjs package is imported, and what a page whose
// .wasm files are missing gets.
import * as dl from '@dl/core';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageResult } from '../page/app';
import { EPOCHS, trainMlp, type TrainResult } from '../page/train';
import { bareImportsOfBrowserBundle, bundleWithEsbuild, bundleWithVite, bundleWithViteWasmUrl, startViteDev, type Bundle } from './bundle';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { serveStatic, type ServedRequest } from './server';

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(PACKAGE_DIR, 'out');
const DOCS_SCREENSHOT = join(PACKAGE_DIR, '..', '..', 'docs', 'images', 'browser-mlp.png');

/** Browser and Node run the same float32 kernels (the same simd .wasm): only rounding may differ. */
const MATCH_TOLERANCE = 1e-5;
/** Chance level is ln 2 ≈ 0.693; below this the MLP has learned XOR. */
const LEARNED_LOSS = 0.1;
/** How long a page may take from navigation to its result. */
const PAGE_TIMEOUT_MS = 40_000;

let workDir: string;
const offMachine: string[] = [];

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'dl-browser-test-'));
  mkdirSync(OUT_DIR, { recursive: true });
});

// The Node reference run and the browser start lazily inside the tests that need them, so a
// failure of either fails those tests (a failing beforeAll would only mark them skipped).
let referenceRun: Promise<TrainResult> | undefined;
function nodeReference(): Promise<TrainResult> {
  return (referenceRun ??= dl.setBackend('wasm').then(() => trainMlp()));
}

let contextStart: Promise<BrowserContext> | undefined;
function browser(): Promise<BrowserContext> {
  return (contextStart ??= (async () => {
    const context = await chromium.launchPersistentContext(join(workDir, 'profile'), {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1100, height: 760 },
    });
    // Only the test's own server may be reached; anything else is recorded and refused.
    await context.route(
      (url) => url.hostname !== '127.0.0.1',
      (route) => {
        offMachine.push(route.request().url());
        return route.abort();
      },
    );
    return context;
  })());
}

afterAll(async () => {
  await (await contextStart?.catch(() => undefined))?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

interface Visit {
  outcome: PageResult;
  pageErrors: string[];
  consoleErrors: string[];
  consoleLines: string[];
  requests: ServedRequest[];
  lossRows: string[];
  chartLines: number;
  profileRows: number;
  ms: number;
}

/** Serves a bundle's folder on 127.0.0.1 and visits its page (see `visitPage`). */
async function visit(built: Bundle, name: string): Promise<Visit> {
  const server = await serveStatic(built.outDir);
  try {
    return await visitPage(`${server.origin}/${built.page}`, name, `bundle ${built.ms.toFixed(0)} ms, `);
  } finally {
    await server.close();
  }
}

/**
 * Opens `url` in a new tab, waits until the page says it is done (or failed, or throws), reads
 * what it shows, and saves a screenshot as out/browser-mlp-NAME.png.
 */
async function visitPage(url: string, name: string, note = ''): Promise<Visit> {
  const page = await (await browser()).newPage();
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  const consoleLines: string[] = [];
  const requests: ServedRequest[] = [];
  page.on('pageerror', (e) => pageErrors.push(`${e.name}: ${e.message}`));
  page.on('console', (msg) => {
    consoleLines.push(`[${msg.type()}] ${msg.text()}`);
    if (msg.type() === 'error' || msg.type() === 'assert') consoleErrors.push(msg.text());
  });
  page.on('requestfailed', (req) => consoleErrors.push(`request failed: ${req.url()} (${req.failure()?.errorText})`));
  page.on('response', (res) => {
    const u = new URL(res.url());
    if (u.protocol === 'http:') requests.push({ method: res.request().method(), path: u.pathname, status: res.status() });
  });
  try {
    const started = performance.now();
    await page.goto(url);
    // Done, failed, or an uncaught error in the page (a module that does not load, say).
    const firstPageError = new Promise<never>((_, reject) => page.once('pageerror', (e) => reject(new Error(`page error: ${e.message}`))));
    await Promise.race([
      page.waitForFunction(() => window.__dlResult !== undefined && window.__dlResult.status !== 'running', null, { timeout: PAGE_TIMEOUT_MS }),
      firstPageError,
    ]);
    const ms = performance.now() - started;
    const outcome = (await page.evaluate(() => window.__dlResult)) as PageResult;
    const shot = join(OUT_DIR, `browser-mlp-${name}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    if (process.env.DL_UPDATE_SCREENSHOT === '1' && name === 'esbuild' && outcome.status === 'done') {
      mkdirSync(dirname(DOCS_SCREENSHOT), { recursive: true });
      copyFileSync(shot, DOCS_SCREENSHOT);
    }
    console.log(
      `[${name}] ${note}page ${ms.toFixed(0)} ms (training ${outcome.result?.trainMs.toFixed(0) ?? '-'} ms); screenshot ${shot}` +
        (consoleLines.length ? `\npage console:\n${consoleLines.join('\n')}` : ''),
    );
    return {
      outcome,
      pageErrors,
      consoleErrors,
      consoleLines,
      requests,
      lossRows: await page.locator('#loss-rows tr').allInnerTexts(),
      chartLines: await page.locator('#chart svg polyline').count(),
      profileRows: await page.locator('#profile-rows tr').count(),
      ms,
    };
  } finally {
    await page.close();
  }
}

function maxAbsDiff(a: number[], b: number[]): number {
  return Math.max(...a.map((v, i) => Math.abs(v - b[i])));
}

/** What every page that trained must show: a clean run, the table, the chart, the profile. */
function expectTrainedCleanly(v: Visit, reference: TrainResult): TrainResult {
  expect(v.outcome.error, 'the page reported an error').toBeUndefined();
  expect(v.outcome.status).toBe('done');
  const result = v.outcome.result!;
  expect(result.iterations).toBe(reference.iterations);
  expect(result.losses).toHaveLength(EPOCHS);
  expect(result.finalLoss).toBeLessThan(LEARNED_LOSS);
  expect(result.profiledOps.map((op) => op.name)).toEqual(expect.arrayContaining(['Linear', 'CrossEntropyLoss']));
  // What a person sees: a row per epoch (0 is before training) ending in the final loss, the chart.
  expect(v.lossRows).toHaveLength(EPOCHS + 1);
  expect(v.lossRows[0]).toContain(result.initialLoss.toFixed(6));
  expect(v.lossRows[EPOCHS]).toContain(result.finalLoss.toFixed(6));
  expect(v.chartLines).toBe(1);
  expect(v.profileRows).toBeGreaterThan(0);
  expect(v.pageErrors, v.consoleLines.join('\n')).toEqual([]);
  expect(v.consoleErrors, v.consoleLines.join('\n')).toEqual([]);
  expect(v.requests.filter((r) => r.status >= 400)).toEqual([]);
  expect(offMachine).toEqual([]);
  return result;
}

describe('Node reference (wasm)', () => {
  it('the same training learns XOR in Node', async () => {
    const reference = await nodeReference();
    expect(reference.backend).toBe('wasm');
    expect(reference.losses).toHaveLength(EPOCHS);
    expect(reference.initialLoss).toBeGreaterThan(0.6);
    expect(reference.finalLoss).toBeLessThan(LEARNED_LOSS);
    expect(reference.finalAccuracy).toBeGreaterThanOrEqual(0.97);
  });
});

describe('what the browser builds import', () => {
  it('is only what npm installs with @dl/core, @dl/ignite and @dl/profiler (dependencies, required peers)', async () => {
    const requireHere = createRequire(import.meta.url);
    const manifests = Object.fromEntries(
      ['@dl/core', '@dl/ignite', '@dl/profiler'].map((name) => {
        const file = requireHere.resolve(`${name}/package.json`);
        return [name, { dir: dirname(file), json: JSON.parse(readFileSync(file, 'utf8')) as Manifest }];
      }),
    );
    const imports = await bareImportsOfBrowserBundle(Object.fromEntries(Object.entries(manifests).map(([name, m]) => [name, m.dir])));
    expect(imports.length).toBeGreaterThan(0);
    const undeclared = imports.filter(({ importer, imported }) => {
      const { dependencies = {}, peerDependencies = {}, peerDependenciesMeta = {} } = manifests[importer].json;
      const installed = imported in dependencies || (imported in peerDependencies && !peerDependenciesMeta[imported]?.optional);
      return !installed && imported !== importer;
    });
    expect(undeclared, 'imported by the browser build, but neither a dependency nor a required peer (so not installed for users)').toEqual([]);
  });
});

interface Manifest {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

const bundlers: Array<[string, (outDir: string) => Promise<Bundle>]> = [
  ['esbuild', (outDir) => bundleWithEsbuild(outDir)],
  ['vite', (outDir) => bundleWithVite(outDir, join(workDir, 'vite-cache'))],
  ['vite-wasm-url', (outDir) => bundleWithViteWasmUrl(outDir, join(workDir, 'vite-cache'))],
];

describe.each(bundlers)('page bundled with %s', (name, bundle) => {
  let bundling: Promise<Bundle> | undefined;
  const getBundle = (): Promise<Bundle> => (bundling ??= bundle(join(workDir, name)));

  it('bundles with no warning and no Node built-in stubbed out', async () => {
    const { warnings, scripts, outDir } = await getBundle();
    expect(warnings, `${name} printed warnings`).toEqual([]);
    const text = scripts.map((f) => readFileSync(join(outDir, f), 'utf8')).join('\n');
    expect(text.includes('__vite-browser-external'), 'a Node built-in was stubbed out of the bundle').toBe(false);
  });

  it('trains the MLP on wasm in headless Chromium to the loss Node reaches', async () => {
    const built = await getBundle();
    const v = await visit(built, name);
    const reference = await nodeReference();
    const result = expectTrainedCleanly(v, reference);
    expect(v.outcome.available).toEqual(['wasm', 'cpu']);
    expect(result.backend).toBe('wasm');
    expect(Math.abs(result.initialLoss - reference.initialLoss)).toBeLessThanOrEqual(MATCH_TOLERANCE);
    expect(maxAbsDiff(result.losses, reference.losses), `per-epoch losses\nbrowser ${result.losses}\nnode    ${reference.losses}`).toBeLessThanOrEqual(MATCH_TOLERANCE);
    expect(Math.abs(result.finalLoss - reference.finalLoss)).toBeLessThanOrEqual(MATCH_TOLERANCE);
    expect(result.finalAccuracy).toBe(reference.finalAccuracy);
    // Exactly one binary, the simd one, as in Node (threads need cross-origin isolation).
    const wasmRequests = v.requests.filter((r) => r.path.endsWith('.wasm')).map((r) => r.path);
    expect(wasmRequests).toHaveLength(1);
    expect(wasmRequests[0]).toMatch(built.simdWasm);
  });
});

describe('the Vite dev server', () => {
  it('serves both entries: .wasm files from public/wasm/, and as ?url imports', async () => {
    const dev = await startViteDev(join(workDir, 'vite-dev'));
    try {
      for (const [page, simd] of [
        ['index.html', /^\/wasm\/tfjs-backend-wasm-simd\.wasm$/],
        ['wasm-url.html', /^\/@fs\/.*\/tfjs-backend-wasm-simd\.wasm$/],
      ] as const) {
        const v = await visitPage(`${dev.origin}/${page}`, `vite-dev-${page.replace('.html', '')}`);
        const reference = await nodeReference();
        const result = expectTrainedCleanly(v, reference);
        expect(result.backend).toBe('wasm');
        expect(maxAbsDiff(result.losses, reference.losses)).toBeLessThanOrEqual(MATCH_TOLERANCE);
        expect(v.requests.some((r) => simd.test(r.path) && r.status === 200), v.requests.map((r) => r.path).join('\n')).toBe(true);
      }
    } finally {
      await dev.close();
    }
  });
});

describe('page with @tensorflow/tfjs-backend-webgl imported (esbuild)', () => {
  it('dl.ready() picks webgl, the wasm backend never starts, and the MLP learns', async () => {
    const built = await bundleWithEsbuild(join(workDir, 'webgl'), { entry: 'main-webgl', html: 'webgl.html' });
    expect(built.warnings).toEqual([]);
    const v = await visit(built, 'webgl');
    const reference = await nodeReference();
    const result = expectTrainedCleanly(v, reference);
    expect(v.outcome.available).toEqual(['webgl', 'wasm', 'cpu']);
    expect(result.backend).toBe('webgl');
    // Other kernels (SwiftShader's GL here), so only close to Node's wasm numbers.
    expect(Math.abs(result.initialLoss - reference.initialLoss)).toBeLessThan(1e-3);
    expect(v.requests.filter((r) => r.path.endsWith('.wasm'))).toEqual([]);
  });
});

describe('a page whose .wasm files are not served', () => {
  it("rejects dl.setBackend('wasm') with a BackendError pointing at dl.setWasmPaths", async () => {
    const built = await bundleWithEsbuild(join(workDir, 'no-wasm'), { wasm: false });
    const v = await visit(built, 'no-wasm');
    expect(v.outcome.status).toBe('error');
    expect(v.outcome.error).toMatch(/^BackendError: Backend 'wasm' failed to initialize/);
    expect(v.outcome.error).toContain('dl.setWasmPaths');
    expect(v.pageErrors).toEqual([]);
    // It asked for the simd binary where it was told to (emscripten tries streaming compilation,
    // then a plain fetch), got 404s, and tried nothing else.
    const wasmRequests = v.requests.filter((r) => r.path.endsWith('.wasm'));
    expect(wasmRequests.length).toBeGreaterThan(0);
    expect(new Set(wasmRequests.map((r) => `${r.path} ${r.status}`))).toEqual(new Set(['/wasm/tfjs-backend-wasm-simd.wasm 404']));
    console.log(`[no-wasm] the page said: ${v.outcome.error}`);
  });
});
