import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Writes `.vitest-result.json` ({passed, failed, skipped}) in the package folder, so the root
 * test command can print one closing line for the whole monorepo.
 */
export function resultFileReporter(): Reporter {
  return {
    onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      for (const mod of testModules) {
        for (const test of mod.children.allTests()) {
          const state = test.result().state;
          if (state === 'passed') passed++;
          else if (state === 'failed') failed++;
          else skipped++;
        }
        if (mod.state() === 'failed' && mod.children.size === 0) failed++;
      }
      writeFileSync(join(process.cwd(), '.vitest-result.json'), JSON.stringify({ passed, failed, skipped }) + '\n');
    },
  };
}
