// The real-browser test: the page (page/), bundled unchanged by esbuild and by Vite, trains the
// MLP of page/train.ts on the wasm backend in headless Chromium, and must reach exactly the loss
// the same training reaches here in Node on wasm.
import * as dl from '@dl/core';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageResult } from '../page/app';
import { EPOCHS, trainMlp, type TrainResult } from '../page/train';
import { bundleWithEsbuild, bundleWithVite, bundleWithViteWasmUrl, type Bundle } from './bundle';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { serveStatic } from './server';

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(PACKAGE_DIR, 'out');
const DOCS_SCREENSHOT = join(PACKAGE_DIR, '..', '..', 'docs', 'images', 'browser-mlp.png');

/** Browser and Node run the same float32 kernels (the same simd .wasm): only rounding may differ. */
const MATCH_TOLERANCE = 1e-5;
/** Chance level is ln 2 ≈ 0.693; below this the MLP has learned XOR. */
const LEARNED_LOSS = 0.1;
/** How long the page may take from navigation to its result. */
const PAGE_TIMEOUT_MS = 40_000;

let workDir: string;
let context: BrowserContext;
let reference: TrainResult;
const offMachine: string[] = [];

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'dl-browser-test-'));
  mkdirSync(OUT_DIR, { recursive: true });
  await dl.setBackend('wasm');
  reference = await trainMlp();
  context = await chromium.launchPersistentContext(join(workDir, 'profile'), {
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
});

afterAll(async () => {
  await context?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

function maxAbsDiff(a: number[], b: number[]): number {
  return Math.max(...a.map((v, i) => Math.abs(v - b[i])));
}

describe('Node reference (wasm)', () => {
  it('the same training learns XOR in Node', () => {
    expect(reference.backend).toBe('wasm');
    expect(reference.losses).toHaveLength(EPOCHS);
    expect(reference.initialLoss).toBeGreaterThan(0.6);
    expect(reference.finalLoss).toBeLessThan(LEARNED_LOSS);
    expect(reference.finalAccuracy).toBeGreaterThanOrEqual(0.97);
  });
});

const bundlers: Array<[string, (outDir: string) => Promise<Bundle>]> = [
  ['esbuild', (outDir) => bundleWithEsbuild(outDir)],
  ['vite', (outDir) => bundleWithVite(outDir, join(workDir, 'vite-cache'))],
  ['vite-wasm-url', (outDir) => bundleWithViteWasmUrl(outDir, join(workDir, 'vite-cache'))],
];

describe.each(bundlers)('page bundled with %s', (name, bundle) => {
  it('trains the MLP on wasm in headless Chromium to the loss Node reaches', async () => {
    const t0 = performance.now();
    const built = await bundle(join(workDir, name));
    expect(built.warnings, `${name} warnings`).toEqual([]);
    const bundleText = built.scripts.map((f) => readFileSync(join(built.outDir, f), 'utf8')).join('\n');
    expect(bundleText.includes('__vite-browser-external'), 'a Node built-in was stubbed out of the bundle').toBe(false);

    const server = await serveStatic(built.outDir);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    const consoleErrors: string[] = [];
    const consoleLines: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(`${e.name}: ${e.message}`));
    page.on('console', (msg) => {
      consoleLines.push(`[${msg.type()}] ${msg.text()}`);
      if (msg.type() === 'error' || msg.type() === 'assert') consoleErrors.push(msg.text());
    });
    page.on('requestfailed', (req) => consoleErrors.push(`request failed: ${req.url()} (${req.failure()?.errorText})`));
    try {
      const t1 = performance.now();
      await page.goto(`${server.origin}/${built.page}`);
      // Done, failed, or an uncaught error in the page (a module that does not load, say).
      const firstPageError = new Promise<never>((_, reject) => page.once('pageerror', (e) => reject(new Error(`page error: ${e.message}`))));
      await Promise.race([
        page.waitForFunction(() => window.__dlResult !== undefined && window.__dlResult.status !== 'running', null, { timeout: PAGE_TIMEOUT_MS }),
        firstPageError,
      ]);
      const t2 = performance.now();
      const outcome = (await page.evaluate(() => window.__dlResult)) as PageResult;
      const shot = join(OUT_DIR, `browser-mlp-${name}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      if (process.env.DL_UPDATE_SCREENSHOT === '1' && name === 'esbuild') {
        mkdirSync(dirname(DOCS_SCREENSHOT), { recursive: true });
        copyFileSync(shot, DOCS_SCREENSHOT);
      }
      console.log(
        `[${name}] bundle ${built.ms.toFixed(0)} ms, page ${(t2 - t1).toFixed(0)} ms ` +
          `(training ${outcome.result?.trainMs.toFixed(0)} ms), test ${(performance.now() - t0).toFixed(0)} ms; screenshot ${shot}`,
      );

      expect(outcome.error, 'the page reported an error').toBeUndefined();
      expect(outcome.status).toBe('done');
      const result = outcome.result!;
      expect(result.backend).toBe('wasm');
      expect(result.iterations).toBe(reference.iterations);
      expect(result.losses).toHaveLength(EPOCHS);
      expect(Math.abs(result.initialLoss - reference.initialLoss)).toBeLessThanOrEqual(MATCH_TOLERANCE);
      expect(maxAbsDiff(result.losses, reference.losses), `per-epoch losses\nbrowser ${result.losses}\nnode    ${reference.losses}`).toBeLessThanOrEqual(MATCH_TOLERANCE);
      expect(Math.abs(result.finalLoss - reference.finalLoss)).toBeLessThanOrEqual(MATCH_TOLERANCE);
      expect(result.finalLoss).toBeLessThan(LEARNED_LOSS);
      expect(result.finalAccuracy).toBe(reference.finalAccuracy);
      expect(result.profiledOps.map((op) => op.name)).toEqual(expect.arrayContaining(['Linear', 'CrossEntropyLoss']));

      // What a person sees: one table row per epoch ending in the final loss, and the chart.
      const rows = await page.locator('#loss-rows tr').allInnerTexts();
      expect(rows).toHaveLength(EPOCHS);
      expect(rows[EPOCHS - 1]).toContain(result.finalLoss.toFixed(6));
      expect(await page.locator('#chart svg polyline').count()).toBe(1);
      expect(await page.locator('#profile-rows tr').count()).toBeGreaterThan(0);

      expect(pageErrors, consoleLines.join('\n')).toEqual([]);
      expect(consoleErrors, consoleLines.join('\n')).toEqual([]);
      expect(offMachine).toEqual([]);
      expect(server.requests.filter((r) => r.status !== 200)).toEqual([]);
      // Exactly one binary, the simd one, as in Node (threads need cross-origin isolation).
      const wasmRequests = server.requests.filter((r) => r.path.endsWith('.wasm')).map((r) => r.path);
      expect(wasmRequests).toHaveLength(1);
      expect(wasmRequests[0]).toMatch(built.simdWasm);
    } finally {
      await page.close();
      await server.close();
    }
  });
});
