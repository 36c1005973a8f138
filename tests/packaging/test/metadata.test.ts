// Issue point 7, "publishing metadata": what the registry shows and what users receive. Checked in
// the installed packages (what npm unpacked from the tarballs), not in the source folders.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { publishedPackages } from './support.ts';

const ctx = inject('packaging');
const names = publishedPackages().map((p) => p.name);

function installed(name: string): string {
  if (!ctx.consumerDir) throw new Error(`no consumer project: ${ctx.installError}`);
  return join(ctx.consumerDir, 'node_modules', ...name.split('/'));
}

/** Every file under `dir`, relative to it. */
function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

describe.each(names)('%s as installed', (name) => {
  it('ships its LICENSE and names its repository, homepage and issue tracker', () => {
    const dir = installed(name);
    expect(existsSync(join(dir, 'LICENSE')), `${name}: LICENSE missing from the tarball`).toBe(true);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.license).toBe('MIT');
    expect(manifest.repository).toMatchObject({ type: 'git', directory: expect.stringMatching(/^packages\//) });
    expect(String(manifest.homepage)).toMatch(/^https:\/\//);
    expect(manifest.bugs).toMatchObject({ url: expect.stringMatching(/^https:\/\//) });
  });

  it('has a README whose links work on the registry (no relative links into the monorepo)', () => {
    const readme = readFileSync(join(installed(name), 'README.md'), 'utf8');
    const relative = [...readme.matchAll(/\]\(((?!https?:|mailto:|#)[^)]+)\)/g)].map((m) => m[1]);
    expect(relative, `${name}: README links that break on npmjs.com`).toEqual([]);
  });

  it('ships the sources its source maps point at, and no test files', () => {
    const dir = installed(name);
    const files = walk(dir);
    expect(files.filter((f) => /\.test\.ts$/.test(f) || f.includes('/fixtures/')), `${name}: test files in the tarball`).toEqual([]);
    const missing: string[] = [];
    for (const map of files.filter((f) => f.endsWith('.js.map'))) {
      const { sources } = JSON.parse(readFileSync(join(dir, map), 'utf8')) as { sources: string[] };
      const mapDir = join(dir, map, '..');
      for (const s of sources) {
        if (s.includes('node_modules')) continue; // bundled dependencies: embedded in sourcesContent
        if (!existsSync(join(mapDir, s))) missing.push(`${map} -> ${s}`);
      }
    }
    expect(missing.slice(0, 10), `${name}: source map entries pointing at files not in the tarball`).toEqual([]);
  });
});
