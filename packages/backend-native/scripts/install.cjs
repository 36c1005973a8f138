#!/usr/bin/env node
// The install step of @dl/backend-native: use a prebuilt addon for this platform when the
// package ships one (prebuilds/<platform>-<arch>/dl_native.node), else build it from source with
// node-gyp. A failed build does not fail the install: it leaves build/BUILD_FAILED.txt with the
// reason, and @dl/core then runs on its wasm backend and says why in one line.
//   --force                   rebuild even if a prebuilt binary or an earlier build exists
//   DL_NATIVE_SKIP_BUILD=1    do not build (the same fallback, with that reason)
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, rmSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const root = join(__dirname, '..');
const failedFile = join(root, 'build', 'BUILD_FAILED.txt');
const force = process.argv.includes('--force');

function fail(reason, detail = '') {
  mkdirSync(join(root, 'build'), { recursive: true });
  writeFileSync(failedFile, `${reason}\n${detail}`);
  console.warn(`@dl/backend-native: the native addon was not built (${reason}); @dl/core will use its wasm backend. Rebuild with: npm rebuild @dl/backend-native`);
  process.exit(0);
}

function loads(file) {
  try {
    require(file);
    return true;
  } catch {
    return false;
  }
}

const prebuilt = join(root, 'prebuilds', `${process.platform}-${process.arch}`, 'dl_native.node');
if (!force && existsSync(prebuilt) && loads(prebuilt)) process.exit(0);
if (!force && existsSync(join(root, 'build', 'Release', 'dl_native.node')) && loads(join(root, 'build', 'Release', 'dl_native.node'))) process.exit(0);
if (process.env.DL_NATIVE_SKIP_BUILD) fail('DL_NATIVE_SKIP_BUILD is set');

let gyp;
try {
  gyp = require.resolve('node-gyp/bin/node-gyp.js');
} catch {
  fail('node-gyp is not installed');
}
rmSync(failedFile, { force: true });
// Build against the headers of the running Node when they are installed beside it (Linux
// distributions' nodejs, the official tarballs): node-gyp would otherwise download them, which
// fails offline and behind many proxies.
const args = [gyp, 'rebuild', '--release'];
const prefix = [join(dirname(process.execPath), '..'), process.config?.variables?.node_prefix].find((p) => p && existsSync(join(p, 'include', 'node', 'node_api.h')));
if (!process.env.npm_config_nodedir && prefix) args.push(`--nodedir=${prefix}`);
const started = Date.now();
const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
if (r.error || r.status !== 0) {
  const output = `${r.stdout ?? ''}\n${r.stderr ?? ''}`;
  const lines = output.split('\n');
  const reason =
    lines.find((l) => /\berror:/.test(l)) ?? // the compiler's first error
    (lines.some((l) => /ENOTFOUND|ECONNREFUSED|ETIMEDOUT/.test(l)) ? "could not download Node's headers (offline? set npm_config_nodedir)" : null) ??
    lines.find((l) => /gyp ERR! stack Error:|not found/i.test(l)) ??
    (r.error ? String(r.error) : `node-gyp exited with ${r.status}`);
  fail(`node-gyp failed: ${reason.replace(/^gyp ERR! stack /, '').trim().slice(0, 200)}`, output);
}
console.log(`@dl/backend-native: built the native addon in ${((Date.now() - started) / 1000).toFixed(0)} s`);
