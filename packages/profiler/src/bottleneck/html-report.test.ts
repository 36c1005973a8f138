import * as dl from '@dl/core';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profile } from '../profiler/profile';
import { recordFunction } from '../record/record-function';
import type { ChildResult } from './child-result';
import type { CpuSummary } from './cpu-profile';
import { describeEnvironment } from './environment';
import { renderHtmlReport } from './html-report';
import { summarizeEvents } from './summarize-events';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const SKIP_NOTE = hasChromium ? '' : ` (skipped: no Chromium at ${CHROMIUM}; apt-get install chromium to run it)`;

/** A report from a real profile of a few MLP training steps. */
function report(): { html: string; result: ChildResult } {
  dl.manualSeed(0);
  const { nn, optim } = dl;
  const model = new nn.Sequential(new nn.Linear(64, 32), new nn.ReLU(), new nn.Linear(32, 4));
  const opt = new optim.SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
  const lossFn = new nn.CrossEntropyLoss();
  const x = dl.randn([16, 64]);
  const y = dl.randint(0, 4, [16]);
  const prof = profile(() => {
    for (let i = 0; i < 3; i++) {
      recordFunction('train_step', () =>
        dl.scope(() => {
          opt.zeroGrad();
          lossFn.forward(model.forward(x), y).backward();
          opt.step();
        }),
      );
    }
  });
  const result: ChildResult = {
    version: 1,
    exitCode: 0,
    backend: dl.getBackend(),
    wallMs: 42,
    ...summarizeEvents(prof.events()),
    cpuProfiles: [],
    traceError: null,
    warnings: ['a <warning> with markup'],
  };
  const cpu: CpuSummary = {
    busyMs: 10,
    idleMs: 1,
    functions: [
      { name: 'trainStep', location: 'train.mjs:12', selfMs: 6, totalMs: 9 },
      { name: '(garbage collector)', location: '', selfMs: 3, totalMs: 3 },
    ],
  };
  const env = describeEnvironment(join(process.cwd(), 'script.mjs'), import.meta.url);
  const html = renderHtmlReport({ script: 'train <&> "x".mjs', args: ['--epochs', '3'], env, result, cpu, sort: 'cpu_time_total', top: 10, createdAt: new Date(0) });
  return { html, result };
}

describe(`HTML report in headless Chromium${SKIP_NOTE}`, () => {
  let browser: Browser | null = null;

  beforeAll(async () => {
    if (!hasChromium) return;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.skipIf(!hasChromium)('renders the op table, the bar chart and the timeline, offline and without errors', async () => {
    const { html, result } = report();
    const dir = mkdtempSync(join(tmpdir(), 'dl-report-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, html);
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(pathToFileURL(file).href);

    // One self-contained page: nothing fetched but the file itself.
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(problems).toEqual([]);
    expect(await page.title()).toBe('dl-bottleneck: train <&> "x".mjs');

    // Browser-side callbacks: this package compiles without DOM types, so elements are typed by hand.
    type El = { textContent: string | null; querySelectorAll(s: string): ArrayLike<El>; querySelector(s: string): El | null; getBoundingClientRect(): Box };
    type Box = { left: number; right: number; width: number; height: number };
    const table = await page.$$eval('#op-table tbody tr', (rows) => rows.map((r) => Array.from((r as unknown as El).querySelectorAll('td')).map((td) => td.textContent ?? '')));
    expect(table.length).toBe(Math.min(50, result.averages.length));
    const names = table.map((r) => r[0]);
    for (const op of ['train_step', 'Linear', 'LinearBackward', 'CrossEntropyLoss', 'tfjs::BatchMatMul']) expect(names).toContain(op);
    // Sorted by CPU total: the three train_step ranges hold everything else.
    expect(names[0]).toBe('train_step');
    expect(table[0][6]).toBe('3');

    const bars = await page.$$eval('#op-chart rect.bar', (rs) => rs.map((r) => (r as unknown as El).getBoundingClientRect().width));
    expect(bars.length).toBe(Math.min(10, result.averages.filter((a) => a.selfCpuTimeTotal > 0).length));
    expect(bars[0]).toBeGreaterThan(100);
    for (let i = 1; i < bars.length; i++) expect(bars[i]).toBeLessThanOrEqual(bars[i - 1] + 0.01);

    const events = await page.$$eval('#timeline rect.ev', (rs) => rs.map((r) => (r as unknown as El).getBoundingClientRect()));
    expect(events.length).toBeGreaterThan(10);
    expect(events.every((b) => b.width > 0 && b.height > 0)).toBe(true);
    const timeline = await page.$eval('#timeline', (svg) => (svg as unknown as El).getBoundingClientRect());
    expect(events.every((b) => b.left >= timeline.left - 0.5 && b.right <= timeline.right + 0.5)).toBe(true);

    const cpuRows = await page.$$eval('#cpu-table tbody tr', (rows) => rows.map((r) => (r as unknown as El).querySelector('td')?.textContent));
    expect(cpuRows).toEqual(['trainStep', '(garbage collector)']);
    expect(await page.textContent('.warn')).toContain('a <warning> with markup');
    // Nothing wider than the window at 1280 px.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1280);
    await page.screenshot({ path: join(dir, 'report.png'), fullPage: true });
    await page.close();
  });
});
