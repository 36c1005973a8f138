import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { bundleWithEsbuild, bundleWithVite, bundleWithViteWasmUrl } from './test/bundle';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/chromium';
import { serveStatic } from './test/server';
const which = process.argv[2] ?? 'esbuild';
const dir = mkdtempSync(join(tmpdir(), 'dev-try-'));
const b = which === 'esbuild' ? await bundleWithEsbuild(join(dir, 'out')) : which === 'vite' ? await bundleWithVite(join(dir, 'out'), join(dir, 'cache')) : await bundleWithViteWasmUrl(join(dir, 'out'), join(dir, 'cache'));
console.log('bundled', b.ms.toFixed(0), 'ms; warnings', b.warnings, b.scripts);
const server = await serveStatic(b.outDir);
const ctx = await chromium.launchPersistentContext(join(dir, 'profile'), { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1100, height: 760 } });
const page = await ctx.newPage();
page.on('console', (m) => console.log('console', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto(`${server.origin}/${b.page}`);
try {
  await page.waitForFunction(() => (window as any).__dlResult && (window as any).__dlResult.status !== 'running', null, { timeout: 40000 });
} catch (e) { console.log('wait failed', (e as Error).message); }
const r = await page.evaluate(() => (window as any).__dlResult);
console.log(JSON.stringify(r && { ...r, result: r.result && { ...r.result, epochs: undefined, profiledOps: r.result.profiledOps.slice(0, 4) } }));
await page.screenshot({ path: `/tmp/dev-${which}.png`, fullPage: true });
console.log(server.requests);
await ctx.close(); await server.close();
