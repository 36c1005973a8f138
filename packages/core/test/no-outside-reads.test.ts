// Guards the one fixtures layout (docs/testing.md): tests and tooling read nothing outside the
// repository (a fresh clone has nothing next to it), and fixtures live only in
// packages/<pkg>/test/fixtures. Runs once (vitest project `node`), not per backend.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

/** Source-like files: what runs or is read at test/build time (markdown and Python are docs or generators). */
const SCANNED = /\.(?:[cm]?[jt]s|tsx|json)$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', '.turbo', '.git', 'coverage']);

// Built from pieces so this file does not match itself.
const SHARED = 'shared';
const FORBIDDEN: [RegExp, string][] = [
  [new RegExp(`${SHARED}[\\\\/]+reference`), `${SHARED}/reference`],
  [new RegExp(`\\.\\.[\\\\/]+${SHARED}(?![\\w-])`), `../${SHARED}`],
  [new RegExp(`['"\`]${SHARED}['"\`]\\s*,\\s*['"\`]reference['"\`]`), `'${SHARED}', 'reference' (path segments)`],
];

function walk(dir: string, out: string[] = []): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    if (SKIP_DIRS.has(name)) continue;
    const p = join(dir, name);
    const s = statSync(p, { throwIfNoEntry: false });
    if (!s) continue;
    if (s.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

function workspaceDirs(group: string): string[] {
  const root = join(repo, group);
  try {
    return readdirSync(root)
      .map((n) => join(root, n))
      .filter((p) => statSync(p).isDirectory());
  } catch {
    return [];
  }
}

/** packages/*\/{src,test}, apps/*\/src, tests/*, tooling, scripts. */
function scannedRoots(): string[] {
  return [
    ...workspaceDirs('packages').flatMap((p) => [join(p, 'src'), join(p, 'test')]),
    ...workspaceDirs('apps').map((p) => join(p, 'src')),
    ...workspaceDirs('tests'),
    join(repo, 'tooling'),
    join(repo, 'scripts'),
  ];
}

const rel = (p: string) => relative(repo, p).split(sep).join('/');

describe('no test or tool reads outside the repository', () => {
  const files = scannedRoots()
    .flatMap((root) => walk(root))
    .filter((f) => SCANNED.test(f));

  it('scans the packages, apps, tooling and scripts', () => {
    expect(files.some((f) => rel(f).startsWith('packages/core/src/'))).toBe(true);
    expect(files.some((f) => rel(f).startsWith('packages/core/test/'))).toBe(true);
    expect(files.length).toBeGreaterThan(100);
  });

  it(`mentions no ../${SHARED} or ${SHARED}/reference path in code or JSON`, () => {
    const hits: string[] = [];
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const [re, what] of FORBIDDEN) {
        const m = re.exec(text);
        if (m) {
          const line = text.slice(0, m.index).split('\n').length;
          hits.push(`${rel(f)}:${line}: ${what}`);
        }
      }
    }
    expect(hits, `copy the fixture into packages/<pkg>/test/fixtures (see its README.md) and read it from there:\n${hits.join('\n')}`).toEqual([]);
  });
});

describe('one fixtures layout', () => {
  it('keeps fixture folders and test data only in packages/<pkg>/test/fixtures', () => {
    const misplaced: string[] = [];
    const visit = (dir: string) => {
      for (const name of readdirSync(dir)) {
        if (SKIP_DIRS.has(name)) continue;
        const p = join(dir, name);
        const s = statSync(p, { throwIfNoEntry: false });
        if (!s) continue;
        const r = rel(p);
        if (s.isDirectory()) {
          if (/^(fixtures|__fixtures__|test-fixtures)$/.test(name) && !/^packages\/[^/]+\/test\/fixtures$/.test(r)) misplaced.push(`${r}/`);
          else visit(p);
        } else if (/\.test-(data|util)\.[cm]?[jt]s$/.test(name)) {
          misplaced.push(r);
        }
      }
    };
    for (const group of ['packages', 'apps']) for (const dir of workspaceDirs(group)) visit(dir);
    expect(misplaced, 'move these into test/fixtures (data) or test/support (TypeScript helpers) of their package').toEqual([]);
  });
});
