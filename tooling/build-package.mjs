#!/usr/bin/env node
// `pnpm build` of a published package: clean, tsup (tooling/tsup.preset.ts), then the files
// tsup does not write: dist/cjs/package.json, the CommonJS copies of the declarations, and the
// Node ESM wrappers that re-export the CommonJS build (one copy per process).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const dir = process.cwd();
const dist = join(dir, 'dist');
rmSync(dist, { recursive: true, force: true });

const tsup = spawnSync(process.execPath, [join(dir, 'node_modules', 'tsup', 'dist', 'cli-default.js')], { stdio: 'inherit', cwd: dir });
if (tsup.status !== 0) process.exit(tsup.status ?? 1);

const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const build = manifest.dlBuild ?? {};
const cjs = join(dist, 'cjs');
writeFileSync(join(cjs, 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);

// Declarations: the same text serves CommonJS once it sits under the commonjs package.json.
// Side-effect imports (`import '@tensorflow/tfjs-backend-cpu';`) carry no types, and would make
// consumers resolve packages @dl/core bundles, so they are dropped.
for (const f of readdirSync(dist)) {
  if (!f.endsWith('.d.ts')) continue;
  const text = readFileSync(join(dist, f), 'utf8').replace(/^import ['"][^'"]+['"];\n/gm, '');
  writeFileSync(join(dist, f), text);
  writeFileSync(join(cjs, f), text);
}

// Assets a bundled dependency loads beside itself (tfjs-backend-wasm's .wasm files).
const resolver = createRequire(join(dir, "package.json"));
for (const c of build.copy ?? []) {
  const [pkg, ...rest] = c.from.startsWith('@') ? [c.from.split('/').slice(0, 2).join('/'), ...c.from.split('/').slice(2)] : c.from.split('/');
  const from = join(dirname(resolver.resolve(`${pkg}/package.json`)), ...rest);
  for (const f of readdirSync(from)) {
    if (!f.endsWith(c.ext)) continue;
    for (const to of c.to) copyFileSync(join(from, f), join(dist, to, f));
  }
}

// Node ESM wrappers: they require() the CommonJS entry and re-export its names, listed here at
// build time, plus what the entry runs at import (for @dl/core: the backend start-up, awaited).
// `export * from '../cjs/x.js'` would do the same, but then Node scans the whole CommonJS file
// (TensorFlow.js included, megabytes) for export names at every import: about a third of a
// DataLoader worker's start-up. A file whose names cannot be read at build time keeps `export *`.
const wrappers = join(dist, 'node-esm');
mkdirSync(wrappers, { recursive: true });
const IDENT = /^[A-Za-z_$][\w$]*$/;
for (const f of readdirSync(cjs)) {
  const m = /^(.*)\.js$/.exec(f);
  if (!m || f.startsWith('chunk-') || !existsSync(join(dist, `${m[1]}.d.ts`))) continue;
  const name = m[1];
  // `onImport` names an export of the entry itself ("ready"), or of another module
  // ("@dl/core#ready": a domain package's ESM entry waits for @dl/core's backend as core's does).
  const onImport = build.onImport?.[name];
  let names = null;
  try {
    names = Object.keys(createRequire(join(cjs, f))(join(cjs, f))).filter((k) => k !== 'default' && k !== '__esModule');
    if (!names.every((k) => IDENT.test(k))) names = null;
  } catch {
    names = null;
  }
  const lines = names
    ? [
        "import { createRequire } from 'node:module';",
        `const cjs = createRequire(import.meta.url)('../cjs/${f}');`,
        ...names.map((k, i) => `const e${i} = cjs.${k};`),
        ...(names.length ? [`export { ${names.map((k, i) => `e${i} as ${k}`).join(', ')} };`] : []),
      ]
    : [`export * from '../cjs/${f}';`];
  if (onImport) {
    const [from, exported] = onImport.includes('#') ? onImport.split('#') : [null, onImport];
    if (from === null) lines.push(`await cjs.${exported}();`);
    else lines.push(`import { ${exported} as onImport } from '${from}';`, 'await onImport();');
    if (from === null && !names) throw new Error(`${manifest.name}: cannot list the exports of dist/cjs/${f} for its ESM wrapper`);
  }
  writeFileSync(join(wrappers, `${name}.js`), `${lines.join('\n')}\n`);
}
