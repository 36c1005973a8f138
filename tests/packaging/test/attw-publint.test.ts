// Issue point 2: "attw + publint clean for every package", on the tarballs pnpm packs (what npm
// would serve), not on the source folders.
//  - @arethetypeswrong/cli with the node16 profile: node16 CommonJS, node16 ESM and bundler
//    resolution must all find types of the right module format for every entry point.
//  - publint: no errors and no warnings (its suggestions are printed, not failed on).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { describe, expect, inject, it } from 'vitest';
import { describeRun, packagingDir, publishedPackages, run, tarballOf } from './support.ts';

const ctx = inject('packaging');
const names = publishedPackages().map((p) => p.name);
const attwBin = join(packagingDir, 'node_modules/.bin/attw');

interface AttwProblem {
  kind: string;
  entrypoint?: string;
  resolutionKind?: string;
  [key: string]: unknown;
}
interface AttwJson {
  analysis: { types: unknown; problems?: AttwProblem[]; entrypoints?: Record<string, unknown> };
}

/** The resolution modes the node16 profile checks (it leaves out node10, i.e. `moduleResolution: node`). */
const CHECKED_RESOLUTIONS = new Set(['node16-cjs', 'node16-esm', 'bundler']);

// Each check waits on a child process or unpacks a tarball: the packages are checked concurrently.
describe.concurrent('attw, profile node16 (node16 CJS, node16 ESM, bundler)', () => {
  it.for(names)('%s has no problem', async (name, { expect }) => {
    const tarball = tarballOf(ctx, name);
    const common = [tarball, '--profile', 'node16', '--no-color', '--no-emoji'];
    const json = await run(attwBin, [...common, '--format', 'json'], { cwd: packagingDir, timeoutMs: 180_000 });
    let parsed: AttwJson;
    try {
      parsed = JSON.parse(json.stdout) as AttwJson;
    } catch {
      throw new Error(`attw did not print JSON:\n${describeRun(json)}`);
    }
    expect(parsed.analysis.types, `attw: ${name} has no types at all (no "types" condition or .d.ts next to the entry points)`).toBeTruthy();
    const problems = (parsed.analysis.problems ?? []).filter((p) => p.resolutionKind === undefined || CHECKED_RESOLUTIONS.has(p.resolutionKind));
    if (problems.length > 0 || json.code !== 0) {
      // The table attw prints for people, to show exactly which entry point fails where.
      const table = await run(attwBin, [...common, '--format', 'table-flipped'], { cwd: packagingDir, timeoutMs: 180_000 });
      // Each problem's kind and where (entry point, resolution mode, files), without attw's internals.
      const where = (p: AttwProblem) => Object.entries(p).filter(([k, v]) => k !== 'kind' && (typeof v === 'string' || typeof v === 'number')).map(([k, v]) => `${k}=${String(v)}`);
      const list = problems.map((p) => `  ${p.kind}: ${where(p).join(', ')}`);
      throw new Error(`attw found ${problems.length} problem(s) in ${name} (exit code ${json.code}):\n${list.join('\n')}\n\n${table.stdout.trim()}`);
    }
  });
});

describe.concurrent('publint', () => {
  it.for(names)('%s has no error or warning', async (name, { expect }) => {
    const tarball = tarballOf(ctx, name);
    const data = readFileSync(tarball);
    const { messages, pkg } = await publint({ pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) }, level: 'suggestion' });
    const text = (m: (typeof messages)[number]) => `  ${m.type}: ${m.code}: ${formatMessage(m, pkg, { color: false }) ?? JSON.stringify(m.args)}`;
    const suggestions = messages.filter((m) => m.type === 'suggestion');
    if (suggestions.length) console.log(`publint suggestions for ${name}:\n${suggestions.map(text).join('\n')}`);
    const bad = messages.filter((m) => m.type !== 'suggestion');
    expect(bad.length, `publint on ${name}'s tarball:\n${bad.map(text).join('\n')}`).toBe(0);
  });
});

it('packs every package the issue names', () => {
  expect(names).toEqual(expect.arrayContaining(['@dl/core', '@dl/ignite', '@dl/profiler', '@dl/datasets-iris', '@dl/vision', '@dl/audio', '@dl/text', '@dl/backend-native']));
  const failed = ctx.packages.filter((p) => !p.tarball);
  expect(failed.map((p) => `${p.name}: ${p.packError}`).join('\n\n')).toBe('');
});
