import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, freemem, platform, arch, totalmem, release } from 'node:os';
import { dirname } from 'node:path';

/** What dl-bottleneck prints about the machine and packages before running the script. */
export interface Environment {
  /** Package name to version ('not installed' when absent), as the script would load them. */
  packages: [string, string][];
  node: string;
  v8: string;
  os: string;
  cpu: string;
  memory: string;
  /** The backend @dl/core will pick, and why. */
  backend: string;
}

const PACKAGES = ['@dl/core', '@dl/profiler', '@dl/ignite', '@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-wasm', '@tensorflow/tfjs-backend-cpu', '@tensorflow/tfjs-node', '@dl/backend-native'];

function versionOf(name: string, bases: readonly string[]): string | null {
  for (const base of bases) {
    try {
      const file = createRequire(base).resolve(`${name}/package.json`);
      return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? 'unknown';
    } catch {
      // Try the next place: pnpm only links a package's direct dependencies.
    }
  }
  return null;
}

// @dl/core bundles TensorFlow.js (its core and the cpu and wasm backends); their versions are the
// ones its manifest pins.
const BUNDLED_IN_CORE = new Set(['@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-wasm', '@tensorflow/tfjs-backend-cpu']);

function bundledVersion(name: string, bases: readonly string[]): string | null {
  if (!BUNDLED_IN_CORE.has(name)) return null;
  for (const base of bases) {
    try {
      const file = createRequire(base).resolve('@dl/core/package.json');
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { devDependencies?: Record<string, string> };
      const v = manifest.devDependencies?.[name];
      if (v) return `${v} (bundled in @dl/core)`;
    } catch {
      // Try the next place.
    }
  }
  return null;
}

function gb(bytes: number): string {
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

/**
 * @internal The environment summary, with packages resolved from the script's location (then
 * from @dl/core's, then from this package's).
 */
export function describeEnvironment(scriptPath: string, selfUrl: string): Environment {
  const bases = [scriptPath];
  try {
    bases.push(createRequire(scriptPath).resolve('@dl/core/package.json'));
  } catch {
    // No @dl/core next to the script.
  }
  bases.push(selfUrl);
  const packages: [string, string][] = PACKAGES.map((n) => [n, bundledVersion(n, bases) ?? versionOf(n, bases) ?? 'not installed']);
  const list = cpus();
  const cpu = list.length ? `${list[0].model.trim()} x ${list.length}` : 'unknown';
  const forced = process.env.DL_BACKEND;
  const hasNode = packages.find(([n]) => n === '@tensorflow/tfjs-node')![1] !== 'not installed';
  const hasNative = packages.find(([n]) => n === '@dl/backend-native')![1] !== 'not installed';
  // What dl.ready() picks (the op table below names the backend that actually ran).
  const backend = forced
    ? `${forced} (DL_BACKEND)`
    : hasNode
      ? 'tensorflow (tfjs-node installed)'
      : hasNative
        ? 'native (@dl/backend-native installed; wasm if its addon cannot load)'
        : 'wasm (default without tfjs-node or @dl/backend-native)';
  return {
    packages,
    node: process.version,
    v8: process.versions.v8,
    os: `${platform()} ${arch()} (${release()})`,
    cpu,
    memory: `${gb(totalmem())} total, ${gb(freemem())} free`,
    backend,
  };
}

/** @internal Whether Node runs `file` as CommonJS (by extension, then the nearest package.json "type"). */
export function isCommonJs(file: string): boolean {
  if (/\.(cjs|cts)$/.test(file)) return true;
  if (/\.(mjs|mts)$/.test(file)) return false;
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const pkg = `${dir}/package.json`;
    if (existsSync(pkg)) {
      try {
        return (JSON.parse(readFileSync(pkg, 'utf8')) as { type?: string }).type !== 'module';
      } catch {
        return true;
      }
    }
    if (dirname(dir) === dir) return true;
  }
}
