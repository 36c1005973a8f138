import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NativeBackendError } from '../errors';
import type { NativeAddon } from './native-addon';

const PACKAGE = '@dl/backend-native';

/** The package's root folder, from this file (src/addon/ when run from source, dist/cjs/ built). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === PACKAGE) return dir;
    dir = dirname(dir);
  }
  throw new NativeBackendError(`${PACKAGE}: cannot find the package folder from ${fileURLToPath(import.meta.url)}`);
}

/** Where the addon may be: a prebuilt binary for this platform, then the one built at install. */
export function addonCandidates(root = packageRoot()): string[] {
  return [join(root, 'prebuilds', `${process.platform}-${process.arch}`, 'dl_native.node'), join(root, 'build', 'Release', 'dl_native.node')];
}

let cached: NativeAddon | null = null;

/**
 * Loads the compiled addon (once). Throws a `NativeBackendError` saying why when there is none:
 * the build's failure reason recorded at install, or the loader's error.
 *
 * @example
 * ```ts
 * const addon = loadNativeAddon();
 * addon.info().isa; // 'avx2'
 * ```
 */
export function loadNativeAddon(): NativeAddon {
  if (!cached) cached = loadAddonFrom(packageRoot());
  return cached;
}

/** @internal Loads the addon of the package at `root` (uncached), or throws saying why not. */
export function loadAddonFrom(root: string): NativeAddon {
  const require = createRequire(join(root, 'package.json'));
  const found = addonCandidates(root).filter((f) => existsSync(f));
  if (found.length === 0) {
    const failed = join(root, 'build', 'BUILD_FAILED.txt');
    const why = existsSync(failed) ? readFileSync(failed, 'utf8').split('\n')[0] : 'no prebuilt binary for this platform and no build at install (were install scripts skipped?)';
    throw new NativeBackendError(`${PACKAGE}: the native addon is not built: ${why}; rebuild it with: npm rebuild ${PACKAGE}`);
  }
  const errors: string[] = [];
  for (const file of found) {
    try {
      return require(file) as NativeAddon;
    } catch (e) {
      errors.push(`${file}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  throw new NativeBackendError(`${PACKAGE}: the native addon does not load: ${errors.join('; ')}; rebuild it with: npm rebuild ${PACKAGE}`);
}
