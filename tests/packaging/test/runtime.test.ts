// Issue point 5 and loading in general: in the consumer project (tarballs installed by npm), the
// packages load with import and require, a process that loads @dl/core both ways gets one copy
// (one Tensor class), CommonJS works after `await dl.ready()`, and the dl-bottleneck bin runs.
// The scripts are in fixtures/runtime; each prints a JSON report the tests compare.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { consumerOf, describeRun, nodeBin, publishedPackages, run, type RunResult } from './support.ts';

const ctx = inject('packaging');

/** Runs a script of fixtures/runtime with node in the consumer project and parses the JSON it prints last. */
async function runScript(file: string, args: string[] = []): Promise<{ r: RunResult; report: Record<string, unknown> }> {
  const consumer = consumerOf(ctx);
  const r = await run(nodeBin, [join(consumer, 'runtime', file), ...args], { cwd: consumer, timeoutMs: 120_000 });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  let report: Record<string, unknown>;
  try {
    report = JSON.parse(last) as Record<string, unknown>;
  } catch {
    throw new Error(`${file} printed no JSON report:\n${describeRun(r)}`);
  }
  return { r, report };
}

const show = (report: unknown) => JSON.stringify(report, null, 2);

describe('one copy of @dl/core per process', () => {
  it('an ESM app that also require()s @dl/core (createRequire and a CommonJS helper) shares Tensor both ways', async () => {
    const { r, report } = await runScript('dual.mjs');
    const why = `dual.mjs (ESM import + require of @dl/core) reported:\n${show(report)}\n${r.stderr.trim()}`;
    expect(report.sameModuleObjectsTensor, why).toBe(true);
    expect(report.helperSameCopy, why).toBe(true);
    expect(report.cjsTensorInstanceofEsmTensor, why).toBe(true);
    expect(report.esmTensorInstanceofCjsTensor, why).toBe(true);
    expect(report.esmLinearOnCjsTensor, why).toEqual([1, 2]);
    expect(report.cjsLinearOnEsmTensor, why).toEqual([1, 2]);
    expect(report.mixedAdd, why).toEqual([[5, 7, 9]]);
    expect(report.sequentialRepr, why).toBe('Sequential(');
    expect(report.tensorClassName, why).toBe('Tensor');
    expect(report.errorForNonTensor, why).not.toMatch(/\b_[A-Z]/);
    expect(report.errorForNonTensor, why).toMatch(/^\w*Error: Linear/);
    expect(r.code, describeRun(r)).toBe(0);
  });

  it('CommonJS that require()s and then import()s @dl/core gets one copy', async () => {
    const { r, report } = await runScript('import-from-cjs.cjs');
    const why = `import-from-cjs.cjs reported:\n${show(report)}\n${r.stderr.trim()}`;
    expect(report.sameTensorClass, why).toBe(true);
    expect(report.instanceofRequired, why).toBe(true);
    expect(report.value, why).toEqual([
      [2, 3],
      [6, 11],
    ]);
    expect(r.code, describeRun(r)).toBe(0);
  });
});

describe('loading @dl/core', () => {
  it("require('@dl/core') from a plain .cjs script, then await dl.ready(), then ops work", async () => {
    const { r, report } = await runScript('require-ready.cjs');
    expect(report, describeRun(r)).toMatchObject({ value: 12, isTensor: true });
    // The consumer installed @dl/backend-native, whose addon builds here (g++ and Node's headers).
    expect(report.backend, describeRun(r)).toBe('native');
    expect(r.stderr, describeRun(r)).not.toMatch(/backend-native/);
    expect(r.code, describeRun(r)).toBe(0);
  });

  it("await import('@dl/core') from ESM: ops work as soon as it resolves", async () => {
    const { r, report } = await runScript('import.mjs');
    expect(report.value, describeRun(r)).toEqual([
      [7, 10],
      [15, 22],
    ]);
    expect(r.code, describeRun(r)).toBe(0);
  });
});

describe('every entry point of every package loads', () => {
  /** Each package's export subpaths (from the installed package.json), as specifiers. */
  function specifiers(): string[] {
    const consumer = consumerOf(ctx);
    const out: string[] = [];
    for (const { name } of publishedPackages()) {
      const manifest = JSON.parse(readFileSync(join(consumer, 'node_modules', name, 'package.json'), 'utf8')) as { exports?: Record<string, unknown> };
      for (const key of Object.keys(manifest.exports ?? { '.': null })) {
        if (key.endsWith('.json') || key.includes('*')) continue;
        out.push(key === '.' ? name : `${name}/${key.slice(2)}`);
      }
    }
    return out;
  }

  it.each(['import', 'require'])('with %s', async (mode) => {
    const specs = specifiers();
    const { r, report } = await runScript('entry-points.mjs', [mode, ...specs]);
    const failed = Object.fromEntries(Object.entries(report).filter(([, v]) => v !== 'ok'));
    expect(failed, `${mode} of ${specs.join(', ')}:\n${show(report)}\n${r.stderr.trim()}`).toEqual({});
    expect(Object.keys(report).sort()).toEqual([...specs].sort());
  });
});

describe('the installed @dl/vision, imported alone in an ES module', () => {
  it('decodes an image to a tensor without importing @dl/core first (its entry waits for the backend)', async () => {
    const { r, report } = await runScript('vision-alone.mjs', []);
    expect(report, `${r.stdout}\n${r.stderr}`).toEqual({ shape: [3, 4, 5], dtype: 'int32', first: [10, 10, 10], normalized: [3, 4, 5], imageBackend: 'sharp' });
  });
});

describe('the dl-bottleneck bin of the installed @dl/profiler', () => {
  const bin = () => join(consumerOf(ctx), 'node_modules/.bin/dl-bottleneck');

  it('--help prints the usage and exits 0', async () => {
    const r = await run(bin(), ['--help'], { cwd: consumerOf(ctx), timeoutMs: 60_000 });
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stdout, describeRun(r)).toContain('Usage: dl-bottleneck [options] path/to/script');
    expect(r.stdout, describeRun(r)).toContain('--trace <file>');
  });

  it('--version prints the installed version', async () => {
    const consumer = consumerOf(ctx);
    const { version } = JSON.parse(readFileSync(join(consumer, 'node_modules/@dl/profiler/package.json'), 'utf8')) as { version: string };
    const r = await run(bin(), ['--version'], { cwd: consumer, timeoutMs: 60_000 });
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stdout.trim(), describeRun(r)).toBe(version);
  });

  it('profiles a script that uses the installed @dl/core', async () => {
    const consumer = consumerOf(ctx);
    const r = await run(bin(), ['--top', '3', join(consumer, 'runtime/bottleneck-target.mjs')], { cwd: consumer, timeoutMs: 120_000 });
    expect(r.stdout, describeRun(r)).toContain('@dl/backend-native');
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stdout, describeRun(r)).toContain('target done');
    // The op table lists the script's ops (which ones lead depends on the backend's speeds).
    expect(r.stdout, describeRun(r)).toMatch(/@dl op profiler: top 3 events .*\(tfjs backend: native\)/);
    expect(r.stdout, describeRun(r)).toMatch(/Linear|MatMul|Addmm|Relu|Sum|AccumulateGrad/);
  });
});
