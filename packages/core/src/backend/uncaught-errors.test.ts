// A user's uncaught error must print as Node prints it, with Node's exit code: tfjs-backend-wasm's
// emscripten glue installs process-wide handlers that rethrow (exit code 7, printed from inside
// the wasm glue, and under tsx with kilobytes of minified source before it).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ready } from './backend';

const entry = new URL('../../test/support/core-entry.ts', import.meta.url).href;
const tsxPkg = createRequire(import.meta.url).resolve('tsx/package.json');
const tsxCli = join(dirname(tsxPkg), 'dist', 'cli.mjs');
const dir = mkdtempSync(join(tmpdir(), 'dl-uncaught-'));
writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runScript(name: string, body: string): { status: number | null; stderr: string; stdout: string } {
  const file = join(dir, name);
  writeFileSync(file, `import * as dl from '${entry}';\n${body}\n`);
  const r = spawnSync(process.execPath, [tsxCli, file], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, DL_BACKEND: 'wasm' } });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

describe('uncaught errors in user programs', () => {
  it('print as Node prints them and exit with code 1 when a script throws after using the wasm backend', () => {
    const r = runScript('throws.ts', "console.log(dl.getBackend(), String(dl.tensor([1, 2]).add(1)));\nthrow new Error('boom from the user');");
    expect(r.stdout).toContain('wasm tensor([2., 3.])');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Error: boom from the user');
    expect(r.stderr).not.toMatch(/tf-backend-wasm|tfjs-backend-wasm/);
    expect(r.stderr.length).toBeLessThan(2_000);
  });

  it('report an unhandled rejection as Node does (exit code 1, the reason printed once)', () => {
    const r = runScript('rejects.ts', "dl.tensor([1]);\nPromise.reject(new Error('rejected by the user'));");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('rejected by the user');
    expect(r.stderr).not.toMatch(/tf-backend-wasm|tfjs-backend-wasm/);
  });

  it('an op before any backend is selected says to await dl.ready(), as a BackendError', () => {
    const index = new URL('../index.ts', import.meta.url).href;
    const file = join(dir, 'no-ready.ts');
    writeFileSync(file, `import * as dl from '${index}';\ntry { dl.tensor([1, 2]).add(1).sum(); console.log('no error'); } catch (e) { console.log(e.name + ': ' + e.message); }\n`);
    const r = spawnSync(process.execPath, [tsxCli, file], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, DL_BACKEND: '' } });
    expect(r.stdout.trim()).toBe('BackendError: No backend selected yet: await dl.ready() (or dl.setBackend(name)) before the first op');
    expect(r.status).toBe(0);
  });

  it('leave no process-wide error handlers behind after the backend starts', async () => {
    const before = [process.listenerCount('uncaughtException'), process.listenerCount('unhandledRejection')];
    await ready();
    expect([process.listenerCount('uncaughtException'), process.listenerCount('unhandledRejection')]).toEqual(before);
  });
});
