#!/usr/bin/env node
// What a user gets from `npm install <our package>`: packs the package(s) with pnpm (which
// rewrites `workspace:` ranges the way `pnpm publish` does; `npm pack` would not), installs the
// tarball(s) into a fresh npm project in a temporary folder, and prints the size of node_modules
// (apparent bytes, as `du -sb` counts them), the 10 largest packages, and every warning npm
// printed (install scripts, deprecations, ...).
//
//   node scripts/install-size.mjs [pkg...] [--max-mb N] [--json FILE] [--keep]
//
// pkg: a workspace package name (@dl/core), a package folder, or an already packed .tgz
// (default: @dl/core). Workspace packages that a requested one needs at run time (dependencies,
// non-optional peerDependencies) are packed and installed too: they are not on the registry.
// --max-mb N  exit 1 when node_modules is larger than N MB (MB = 1,000,000 bytes)
// --json FILE also write the measurements as JSON (for tests)
// --keep      keep the temporary project and print where it is
// Exit codes: 0 fine, 1 over --max-mb, 2 bad arguments, 3 packing or installing failed.
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MB = 1_000_000;

function usage(message) {
  if (message) console.error(`install-size: ${message}`);
  console.error('usage: node scripts/install-size.mjs [pkg...] [--max-mb N] [--json FILE] [--keep]');
  process.exit(2);
}

function parseArgs(argv) {
  const out = { specs: [], maxMb: null, json: null, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, null];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') usage(`${flag} needs a value`);
      return v;
    };
    if (flag === '--max-mb') {
      out.maxMb = Number(value());
      if (!Number.isFinite(out.maxMb) || out.maxMb <= 0) usage(`--max-mb should be a positive number, got '${a}'`);
    } else if (flag === '--json') out.json = resolve(value());
    else if (flag === '--keep') out.keep = true;
    else if (flag === '-h' || flag === '--help') {
      console.log('usage: node scripts/install-size.mjs [pkg...] [--max-mb N] [--json FILE] [--keep]\n(see the comment at the top of scripts/install-size.mjs)');
      process.exit(0);
    }
    else if (a.startsWith('-')) usage(`unknown option '${a}'`);
    else out.specs.push(a);
  }
  if (out.specs.length === 0) out.specs.push('@dl/core');
  return out;
}

/** Runs a command, echoing nothing; resolves with its exit code and output. */
function run(cmd, args, opts = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32', ...opts });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (e) => resolvePromise({ code: -1, stdout, stderr: stderr + String(e) }));
    child.on('close', (code, signal) => resolvePromise({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
  });
}

/** The workspace's package folders by package name (packages/*, the published ones). */
function workspacePackages() {
  const byName = new Map();
  for (const group of ['packages']) {
    const dir = join(root, group);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const file = join(dir, name, 'package.json');
      if (!existsSync(file)) continue;
      const manifest = JSON.parse(readFileSync(file, 'utf8'));
      byName.set(manifest.name, { dir: join(dir, name), manifest });
    }
  }
  return byName;
}

/** The package folders to pack (the requested ones plus the workspace packages they need) and the given tarballs. */
function resolveSpecs(specs) {
  const ws = workspacePackages();
  const dirs = new Map();
  const tarballs = [];
  const add = (name, dir, manifest) => {
    if (dirs.has(name)) return;
    dirs.set(name, dir);
    const optionalPeers = new Set(Object.entries(manifest.peerDependenciesMeta ?? {}).filter(([, m]) => m?.optional).map(([n]) => n));
    const needed = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {}).filter((n) => !optionalPeers.has(n))];
    for (const dep of needed) if (ws.has(dep)) add(dep, ws.get(dep).dir, ws.get(dep).manifest);
  };
  for (const spec of specs) {
    if (/\.(tgz|tar\.gz)$/.test(spec)) {
      if (!existsSync(spec)) usage(`no such tarball: ${spec}`);
      tarballs.push(resolve(spec));
    } else if (ws.has(spec)) {
      add(spec, ws.get(spec).dir, ws.get(spec).manifest);
    } else if (existsSync(join(spec, 'package.json'))) {
      const manifest = JSON.parse(readFileSync(join(spec, 'package.json'), 'utf8'));
      add(manifest.name, resolve(spec), manifest);
    } else {
      usage(`'${spec}' is not a workspace package (${[...ws.keys()].join(', ')}), a package folder or a .tgz`);
    }
  }
  return { dirs, tarballs };
}

/**
 * The environment for npm and pnpm: without the npm_* variables a surrounding `npm run`,
 * `pnpm exec` or turbo set (npm_config_local_prefix would make npm install into that package),
 * keeping where the registry is and how to reach it.
 */
function cleanEnv() {
  const keep = /^npm_config_(registry|cafile|ca|cert|key|cache|userconfig|globalconfig|proxy|https_proxy|http_proxy|noproxy|no_proxy|strict_ssl|@[^_]+:registry|\/\/.*)$/i;
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) || keep.test(k)) env[k] = v;
  return { ...env, npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false' };
}

function pnpmCommand() {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return ['npx', ['-y', manifest.packageManager ?? 'pnpm']];
}

/** Packs one package folder with pnpm into `dest`; resolves with the tarball's path. */
async function pack(name, dir, dest) {
  const [cmd, pre] = pnpmCommand();
  const r = await run(cmd, [...pre, 'pack', '--pack-destination', dest, '--json'], { cwd: dir, env: cleanEnv() });
  if (r.code !== 0) throw new Error(`pnpm pack of ${name} (${dir}) failed with exit code ${r.code}:\n${(r.stdout + r.stderr).trim()}`);
  let file;
  try {
    const parsed = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
    file = parsed.filename;
  } catch {
    file = r.stdout.trim().split('\n').pop();
  }
  const abs = resolve(dest, file);
  if (!existsSync(abs)) throw new Error(`pnpm pack of ${name} printed no tarball that exists (got '${file}'):\n${r.stdout}`);
  return abs;
}

/**
 * Apparent size of a folder, as `du -sb` counts it: the sizes of its files, symlinks (not
 * followed) and folders, each inode once. Returns the total and, for every package folder inside
 * (without the packages nested in its own node_modules), its size.
 */
function measure(nodeModules) {
  const seen = new Set();
  const packages = new Map();
  let total = 0;
  const countFile = (path, owner) => {
    const st = lstatSync(path);
    const key = `${st.dev}:${st.ino}`;
    if (seen.has(key)) return;
    seen.add(key);
    total += st.size;
    if (owner) packages.set(owner, (packages.get(owner) ?? 0) + st.size);
  };
  // A folder's files and folders; a nested node_modules holds packages of their own.
  const walk = (dir, owner) => {
    countFile(dir, owner);
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (!e.isDirectory()) countFile(path, owner);
      else if (e.name === 'node_modules') walkModules(path);
      else walk(path, owner);
    }
  };
  const walkPackage = (dir) => {
    const name = relative(nodeModules, dir).split(/[\\/]/).join('/');
    packages.set(name, packages.get(name) ?? 0);
    walk(dir, name);
  };
  // A node_modules folder: packages, @scope/packages, and npm's own files (.bin, .package-lock.json).
  const walkModules = (modulesDir) => {
    countFile(modulesDir, null);
    for (const e of readdirSync(modulesDir, { withFileTypes: true })) {
      const path = join(modulesDir, e.name);
      if (!e.isDirectory()) countFile(path, null);
      else if (e.name.startsWith('.')) walk(path, null);
      else if (e.name.startsWith('@')) {
        countFile(path, null);
        for (const s of readdirSync(path, { withFileTypes: true })) {
          if (s.isDirectory()) walkPackage(join(path, s.name));
          else countFile(join(path, s.name), null);
        }
      } else walkPackage(path);
    }
  };
  walkModules(nodeModules);
  return { total, packages };
}

/** npm's warning lines, grouped: install scripts, deprecations, the rest. */
function npmWarnings(output) {
  const lines = output.split(/\r?\n/).filter((l) => /^npm warn/i.test(l));
  return {
    all: lines,
    installScripts: lines.filter((l) => /install.?scripts|allow.?scripts|postinstall|preinstall/i.test(l)),
    deprecated: lines.filter((l) => /^npm warn deprecated/i.test(l)),
  };
}

const fmtMb = (bytes) => `${(bytes / MB).toFixed(1)} MB`;

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const { dirs, tarballs: given } = resolveSpecs(args.specs);
  const work = mkdtempSync(join(tmpdir(), 'dl-install-size-'));
  const project = join(work, 'project');
  const packDir = join(work, 'tarballs');
  mkdirSync(project);
  mkdirSync(packDir);
  let exitCode = 0;
  try {
    let packed;
    try {
      packed = await Promise.all([...dirs].map(([name, dir]) => pack(name, dir, packDir)));
    } catch (e) {
      console.error(`install-size: ${e.message}`);
      return 3;
    }
    const tarballs = [...packed, ...given];
    writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'install-size-probe', version: '1.0.0', private: true }, null, 2)}\n`);
    console.log(`Installing into a fresh npm project (${project}):`);
    for (const t of tarballs) console.log(`  ${basename(t)}`);
    const env = cleanEnv();
    const started = Date.now();
    const r = await run('npm', ['install', '--no-audit', '--no-fund', ...tarballs], { cwd: project, env });
    const seconds = (Date.now() - started) / 1000;
    const npmOutput = `${r.stdout}\n${r.stderr}`.trim();
    const warnings = npmWarnings(`${r.stderr}\n${r.stdout}`);
    if (r.code !== 0) {
      console.error(`install-size: npm install failed with exit code ${r.code}:\n${npmOutput}`);
      exitCode = 3;
    }
    const nodeModules = join(project, 'node_modules');
    const { total, packages } = existsSync(nodeModules) ? measure(nodeModules) : { total: 0, packages: new Map() };
    const top = [...packages].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([name, bytes]) => ({ name, bytes }));
    const overLimit = args.maxMb !== null && total > args.maxMb * MB;

    console.log(`\nnpm install took ${seconds.toFixed(1)} s; npm said:\n${npmOutput ? npmOutput.replace(/^/gm, '  | ') : '  (nothing)'}`);
    console.log(
      `\nnode_modules: ${fmtMb(total)} (${total} bytes = ${(total / 2 ** 20).toFixed(1)} MiB; apparent size as du -sb, MB = 1,000,000 bytes) in ${packages.size} packages`,
    );
    console.log('Largest packages (own files, without their nested node_modules):');
    const width = Math.max(...top.map((p) => p.name.length), 10);
    for (const p of top) console.log(`  ${p.name.padEnd(width)}  ${fmtMb(p.bytes).padStart(9)}`);
    if (warnings.all.length) {
      console.log(`\nnpm printed ${warnings.all.length} warning line(s):`);
      for (const l of warnings.all) console.log(`  ${l}`);
    } else console.log('\nnpm printed no warnings.');
    if (warnings.installScripts.length) console.log(`\nINSTALL SCRIPTS: some installed package has install scripts (see the warnings above).`);
    if (args.maxMb !== null) {
      console.log(overLimit ? `\nOVER THE LIMIT: ${fmtMb(total)} > ${args.maxMb} MB` : `\nWithin the limit: ${fmtMb(total)} <= ${args.maxMb} MB`);
    }
    if (overLimit && exitCode === 0) exitCode = 1;

    if (args.json) {
      const result = {
        packages: [...dirs.keys()],
        tarballs: tarballs.map((t) => basename(t)),
        npmExitCode: r.code,
        npmOutput,
        installSeconds: seconds,
        totalBytes: total,
        totalMB: total / MB,
        packageCount: packages.size,
        top,
        maxMB: args.maxMb,
        overLimit,
        warnings: warnings.all,
        installScriptWarnings: warnings.installScripts,
        deprecationWarnings: warnings.deprecated,
        project: args.keep ? project : null,
      };
      writeFileSync(args.json, `${JSON.stringify(result, null, 2)}\n`);
    }
  } finally {
    if (args.keep) console.log(`\nKept the project: ${project}`);
    else rmSync(work, { recursive: true, force: true });
  }
  return exitCode;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(`install-size: ${e?.stack ?? e}`);
    process.exitCode = 3;
  },
);
