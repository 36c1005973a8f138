import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NativeBackendError } from '../errors';
import { addonCandidates, loadAddonFrom } from './load-addon';

const pkg = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'dl-native-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the package without any build, as an install that skipped or failed the build leaves it. */
function unbuiltCopy(name: string): string {
  const root = join(dir, name);
  mkdirSync(join(root, 'scripts'), { recursive: true });
  cpSync(join(pkg, 'package.json'), join(root, 'package.json'));
  cpSync(join(pkg, 'scripts', 'install.cjs'), join(root, 'scripts', 'install.cjs'));
  return root;
}

describe('loading the addon', () => {
  it('looks for a prebuilt binary for this platform first, then the build from install', () => {
    expect(addonCandidates('/p')).toEqual([join('/p', 'prebuilds', `${process.platform}-${process.arch}`, 'dl_native.node'), join('/p', 'build', 'Release', 'dl_native.node')]);
  });

  it('says the addon is not built, with the build failure recorded at install and how to rebuild', () => {
    const root = unbuiltCopy('failed');
    mkdirSync(join(root, 'build'));
    writeFileSync(join(root, 'build', 'BUILD_FAILED.txt'), 'node-gyp failed: g++: command not found\nfull log...');
    expect(() => loadAddonFrom(root)).toThrow(NativeBackendError);
    expect(() => loadAddonFrom(root)).toThrow('@dl/backend-native: the native addon is not built: node-gyp failed: g++: command not found; rebuild it with: npm rebuild @dl/backend-native');
  });

  it('says so when no build ran at all', () => {
    expect(() => loadAddonFrom(unbuiltCopy('none'))).toThrow(
      '@dl/backend-native: the native addon is not built: no prebuilt binary for this platform and no build at install (were install scripts skipped?); rebuild it with: npm rebuild @dl/backend-native',
    );
  });

  it('says why a file that is not a loadable addon does not load', () => {
    const root = unbuiltCopy('broken');
    mkdirSync(join(root, 'build', 'Release'), { recursive: true });
    writeFileSync(join(root, 'build', 'Release', 'dl_native.node'), 'not an ELF file');
    expect(() => loadAddonFrom(root)).toThrow(/^@dl\/backend-native: the native addon does not load: .*dl_native\.node: .*; rebuild it with: npm rebuild @dl\/backend-native$/);
  });
});

describe('the install script', () => {
  it('succeeds when the build cannot run, leaving the reason and printing one line', () => {
    const root = unbuiltCopy('skip');
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'install.cjs')], { encoding: 'utf8', env: { ...process.env, DL_NATIVE_SKIP_BUILD: '1' } });
    expect(r.status).toBe(0);
    expect(r.stderr.trim()).toBe(
      '@dl/backend-native: the native addon was not built (DL_NATIVE_SKIP_BUILD is set); @dl/core will use its wasm backend. Rebuild with: npm rebuild @dl/backend-native',
    );
    expect(readFileSync(join(root, 'build', 'BUILD_FAILED.txt'), 'utf8').split('\n')[0]).toBe('DL_NATIVE_SKIP_BUILD is set');
    expect(existsSync(join(root, 'build', 'Release', 'dl_native.node'))).toBe(false);
  });

  it('succeeds when node-gyp fails, with the compiler error as the reason', () => {
    const root = unbuiltCopy('broken-source');
    mkdirSync(join(root, 'src', 'native'), { recursive: true });
    writeFileSync(join(root, 'binding.gyp'), JSON.stringify({ targets: [{ target_name: 'dl_native', sources: ['src/native/addon.cc'] }] }));
    writeFileSync(join(root, 'src', 'native', 'addon.cc'), 'this is not C++;\n');
    // node-gyp is resolved from the copy: point it at this package's.
    mkdirSync(join(root, 'node_modules'));
    cpSync(join(pkg, 'node_modules', 'node-gyp'), join(root, 'node_modules', 'node-gyp'), { recursive: true, dereference: true });
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'install.cjs')], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, DL_NATIVE_SKIP_BUILD: '' } });
    expect(r.status).toBe(0);
    const reason = readFileSync(join(root, 'build', 'BUILD_FAILED.txt'), 'utf8').split('\n')[0];
    expect(reason).toMatch(/^node-gyp failed: .*error:/);
    expect(r.stderr).toContain(`@dl/backend-native: the native addon was not built (${reason});`);
  }, 120_000);
});
