import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

/**
 * Writes `.vitest-result.json` in the package folder, so the root test command can print one
 * closing line for the whole monorepo: `{passed, failed, skipped}` over every test of every
 * vitest project (a test run on two backends counts twice), plus `projects`, the same counts and
 * the time its files took (summed over files: set-up, import and tests; files run side by side
 * when there are several workers) per project name (`""` when the package has no projects),
 * and `wallMs`, the whole run.
 */
export function resultFileReporter(): Reporter {
  let started = 0;
  return {
    onTestRunStart() {
      started = Date.now();
    },
    onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
      const total: Counts = { passed: 0, failed: 0, skipped: 0 };
      const projects: Record<string, Counts & { files: number; fileMs: number }> = {};
      for (const mod of testModules) {
        const name = mod.project.name;
        const p = (projects[name] ??= { passed: 0, failed: 0, skipped: 0, files: 0, fileMs: 0 });
        p.files++;
        const d = mod.diagnostic();
        p.fileMs += d.prepareDuration + d.environmentSetupDuration + d.setupDuration + d.collectDuration + d.duration;
        const add = (key: keyof Counts) => {
          total[key]++;
          p[key]++;
        };
        let failedTests = 0;
        for (const test of mod.children.allTests()) {
          const state = test.result().state;
          if (state === 'passed') add('passed');
          else if (state === 'failed') {
            add('failed');
            failedTests++;
          } else add('skipped');
        }
        // A file that failed with no failed test (it did not load, or a beforeAll/afterAll hook
        // threw, which leaves its tests "skipped") counts as one failure, so the summary line
        // never says "0 failed" for a failing run.
        if (mod.state() === 'failed' && failedTests === 0) add('failed');
      }
      for (const p of Object.values(projects)) p.fileMs = Math.round(p.fileMs);
      const result = { ...total, wallMs: Date.now() - started, projects };
      writeFileSync(join(process.cwd(), '.vitest-result.json'), JSON.stringify(result) + '\n');
    },
  };
}
