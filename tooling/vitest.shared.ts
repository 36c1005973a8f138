import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type TestProjectInlineConfiguration, type ViteUserConfig } from 'vitest/config';
import { resultFileReporter } from './vitest-result-reporter.ts';

/** Where every package keeps its tests: `*.test.ts` beside the code, and `test/`. */
export const TEST_INCLUDE = ['src/**/*.test.ts', 'test/**/*.test.ts'];
const WALK_SKIP = new Set(['node_modules', 'dist', '.turbo', '.git', 'coverage']);

type TestOptions = NonNullable<TestProjectInlineConfiguration['test']>;

/** Settings every test project starts from (a package's groups add to them). */
export const sharedTestOptions = {
  environment: 'node',
  testTimeout: 60_000,
  hookTimeout: 60_000,
  pool: 'forks',
} satisfies TestOptions;

/** Shared vitest settings: each package's `vitest.config.ts` uses this. */
export const sharedVitestConfig = defineConfig({
  test: {
    include: TEST_INCLUDE,
    ...sharedTestOptions,
    // Built workspace packages load through Node itself, as users load them: vitest would
    // otherwise transform their dist files (they are not under node_modules), and a package
    // loaded both that way and by a CommonJS require becomes two copies.
    server: { deps: { external: [/\/packages\/[^/]+\/dist\//] } },
    reporters: ['default', resultFileReporter()],
  },
});

/**
 * A set of test files and how to run them. A group runs as one vitest project per entry of
 * `projects` (e.g. once per backend), all with the same files.
 */
export interface TestGroup {
  projects: { name: string; env?: Record<string, string> }[];
  /** Globs relative to the package (`*` within a path segment, `**` across segments). */
  include: string[];
  exclude?: string[];
  /** Extra vitest options for the group's projects (isolate, pool, maxWorkers, ...). */
  test?: TestOptions;
}

/** A glob as vitest's include patterns use it (only `**`, `*` and `?`; no braces or classes). */
export function globToRegExp(glob: string): RegExp {
  if (/[{}[\]!]/.test(glob)) throw new Error(`vitest projects: use plain globs (no braces, classes or negation): ${glob}`);
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function matchesAny(file: string, globs: string[] | undefined): boolean {
  return (globs ?? []).some((g) => globToRegExp(g).test(file));
}

/** Every test file of a package (paths relative to it, with `/`), as TEST_INCLUDE finds them. */
export function listTestFiles(packageDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir, { withFileTypes: true }).map((d) => (d.isDirectory() ? `${d.name}/` : d.name));
    } catch {
      return;
    }
    for (const name of names) {
      if (name.endsWith('/')) {
        if (!WALK_SKIP.has(name.slice(0, -1))) walk(join(dir, name));
      } else {
        const rel = relative(packageDir, join(dir, name)).split(sep).join('/');
        if (matchesAny(rel, TEST_INCLUDE)) out.push(rel);
      }
    }
  };
  walk(packageDir);
  return out.sort();
}

/**
 * What a test file may not do when it shares its worker's module graph and process with other
 * files (`isolate: false`): mock modules, switch the backend, add process handlers, rely on
 * garbage collection, or stub globals/env without restoring them. Such files go to an isolated
 * group.
 */
const NEEDS_ISOLATION: [RegExp, string, RegExp?][] = [
  [/\bvi\.(?:mock|doMock|unmock)\(/, 'mocks a module (vi.mock)'],
  [/\bsetBackend\(\s*[\w'"`]/, 'switches the tfjs backend (setBackend)'],
  [/\bprocess\.(?:on|once|addListener|prependListener)\(/, 'adds a process event handler'],
  [/\bFinalizationRegistry\b|\bglobal(?:This)?\.gc\b|\bprocess\.memoryUsage\(/, 'depends on garbage collection or process memory'],
  [/\bvi\.stubGlobal\(/, 'stubs a global without vi.unstubAllGlobals()', /\bvi\.unstubAllGlobals\(/],
  [/\bvi\.stubEnv\(/, 'stubs process.env without vi.unstubAllEnvs()', /\bvi\.unstubAllEnvs\(/],
];

function isolationProblems(packageDir: string, file: string): string[] {
  const text = readFileSync(join(packageDir, file), 'utf8');
  return NEEDS_ISOLATION.filter(([re, , unless]) => re.test(text) && !(unless?.test(text))).map(([, why]) => why);
}

/**
 * The group each test file belongs to; throws naming every file in no group or in several, and
 * every file in a shared-state group (`isolate: false`) that needs a process of its own.
 */
export function assignTestFiles(packageDir: string, groups: TestGroup[]): Map<string, TestGroup> {
  const owner = new Map<string, TestGroup>();
  const problems: string[] = [];
  for (const file of listTestFiles(packageDir)) {
    const owners = groups.filter((g) => matchesAny(file, g.include) && !matchesAny(file, g.exclude));
    const names = (g: TestGroup) => g.projects.map((p) => p.name).join('+');
    if (owners.length === 1) {
      owner.set(file, owners[0]);
      if (owners[0].test?.isolate === false) {
        const why = isolationProblems(packageDir, file);
        if (why.length) problems.push(`${file}: ${why.join(', ')}, so it needs an isolated project (it is in ${names(owners[0])}, isolate: false)`);
      }
    } else if (owners.length === 0) problems.push(`${file}: in no vitest project (it would never run)`);
    else problems.push(`${file}: in several vitest projects (${owners.map(names).join(', ')})`);
  }
  if (problems.length) {
    throw new Error(`${join(packageDir, 'vitest.config.ts')}: every test file must belong to exactly one project group, and files that change process-wide state to an isolated one:\n  ${problems.join('\n  ')}`);
  }
  return owner;
}

/**
 * The vitest `projects` for a package's groups, after checking that every test file under
 * src/ and test/ belongs to exactly one group (so none is silently dropped or run twice by
 * accident). Each project starts from `sharedTestOptions` and `common` (e.g. setupFiles), not
 * from the package config (`extends: true` would add the root `include` to every project's).
 * `DL_TEST_PROJECTS=1` prints the file count of each project.
 */
export function testProjects(packageDir: string, groups: TestGroup[], common: TestOptions = {}): TestProjectInlineConfiguration[] {
  const owner = assignTestFiles(packageDir, groups);
  if (process.env.DL_TEST_PROJECTS) {
    for (const g of groups) {
      const n = [...owner.values()].filter((o) => o === g).length;
      console.log(`${g.projects.map((p) => p.name).join(', ')}: ${n} files each`);
    }
  }
  return groups.flatMap((g) =>
    g.projects.map((p) => ({
      test: {
        ...sharedTestOptions,
        ...common,
        ...g.test,
        name: p.name,
        include: g.include,
        exclude: [...(g.exclude ?? []), '**/node_modules/**', '**/dist/**'],
        env: { ...common.env, ...g.test?.env, ...p.env },
      },
    })),
  );
}

/** Which test files of a package go where (globs relative to the package). */
export interface BackendSplit {
  /** Files whose results depend on the tfjs backend: run once per backend (wasm, cpu). */
  backend: string[];
  /** Backend-dependent files that change process-wide state: once per backend, a process per file. */
  backendIsolated?: string[];
  /** Backend-independent files that change process-wide state: once, a process per file. */
  nodeIsolated?: string[];
  /** Worker threads, child processes, SIGKILL: once, a process per file. */
  slow?: string[];
  /** Options every project gets (e.g. `setupFiles`). */
  common?: TestOptions;
  /**
   * Also run the backend-dependent files on @dl/backend-native when its addon is built. @default
   * true. Domain packages whose backend-dependent tests run @dl/core's kernels on their own data
   * turn it off to keep the suite within its time budget: core's own suite covers every kernel on
   * native, and the example apps run the domain packages on native end to end.
   */
  native?: boolean;
}

let nativeChecked: string | null | undefined;
let warnedNative = false;

/**
 * Why the native backend (@dl/backend-native) cannot be tested here, or null when its addon is
 * built and loads.
 */
export function nativeBackendUnavailable(): string | null {
  if (nativeChecked !== undefined) return nativeChecked;
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'packages', 'backend-native');
  const addons = [join(root, 'prebuilds', `${process.platform}-${process.arch}`, 'dl_native.node'), join(root, 'build', 'Release', 'dl_native.node')];
  const found = addons.find((f) => existsSync(f));
  if (!found) {
    const failed = join(root, 'build', 'BUILD_FAILED.txt');
    nativeChecked = existsSync(failed) ? `its addon did not build: ${readFileSync(failed, 'utf8').split('\n')[0]}` : 'its addon is not built (pnpm install builds it)';
  } else if (!existsSync(join(root, 'dist', 'cjs', 'index.js'))) {
    nativeChecked = 'the package is not built (turbo run build)';
  } else {
    try {
      createRequire(import.meta.url)(found);
      nativeChecked = null;
    } catch (e) {
      nativeChecked = `its addon does not load: ${(e as Error).message.split('\n')[0]}`;
    }
  }
  return nativeChecked;
}

/**
 * The test projects every package uses (docs/testing.md): `wasm`/`cpu` (and `native` when
 * @dl/backend-native's addon is built) for backend-dependent files, `node` for the rest (once, on
 * wasm), their `-isolated` variants and `slow`. Files in the shared projects share one module
 * graph per worker thread; the others get a fresh process each.
 */
export function backendTestConfig(packageDir: string, split: BackendSplit): ViteUserConfig {
  const skipNative = split.native === false ? 'not asked for by this package' : nativeBackendUnavailable();
  if (skipNative && split.native !== false && !warnedNative) {
    warnedNative = true;
    console.log(`vitest: no 'native' test project: @dl/backend-native cannot run (${skipNative})`);
  }
  const backends = (suffix = '') => [
    { name: `wasm${suffix}`, env: { DL_BACKEND: 'wasm' } },
    { name: `cpu${suffix}`, env: { DL_BACKEND: 'cpu' } },
    ...(skipNative ? [] : [{ name: `native${suffix}`, env: { DL_BACKEND: 'native' } }]),
  ];
  const once = (name: string) => [{ name, env: { DL_BACKEND: 'wasm' } }];
  const shared = { pool: 'threads', isolate: false } as const;
  const isolated = { pool: 'forks', isolate: true } as const;
  const { backend, backendIsolated = [], nodeIsolated = [], slow = [] } = split;
  const groups: TestGroup[] = [
    { projects: backends(), include: backend, exclude: [...backendIsolated, ...slow], test: shared },
    { projects: once('node'), include: TEST_INCLUDE, exclude: [...backend, ...backendIsolated, ...nodeIsolated, ...slow], test: shared },
  ];
  if (backendIsolated.length) groups.push({ projects: backends('-isolated'), include: backendIsolated, test: isolated });
  if (nodeIsolated.length) groups.push({ projects: once('node-isolated'), include: nodeIsolated, test: isolated });
  if (slow.length) groups.push({ projects: once('slow'), include: slow, test: isolated });
  return { ...sharedVitestConfig, test: { ...sharedVitestConfig.test, projects: testProjects(packageDir, groups, split.common) } };
}
