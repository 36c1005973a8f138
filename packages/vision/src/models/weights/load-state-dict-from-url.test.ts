import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Tensor, ValueError } from '@dl/core';
import { ChecksumError } from '@dl/core/node';
import { startTestServer, type TestServer } from '@dl/core/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { modelsJson, modelsPath, rejectsExactly } from '../../../test/support/model-fixtures';
import type { ModelFixture } from '../../../test/support/model-rule-weights';
import { setHubDir } from './hub-dir';
import { cachedFileFromUrl, loadStateDictFromUrl } from './load-state-dict-from-url';

const bytes = readFileSync(modelsPath('squeezenet1_1_c10.pth'));
const sha256 = createHash('sha256').update(bytes).digest('hex');
const good = `squeezenet1_1-${sha256.slice(0, 8)}.pth`;
const wrongPrefix = sha256.startsWith('0') ? 'ffffffff' : '00000000';
const bad = `squeezenet1_1-${wrongPrefix}.pth`;
const keys = modelsJson<ModelFixture>('squeezenet1_1_c10.json').keys.map(([k]) => k);

let server: TestServer;
let hub: string;

beforeAll(async () => {
  server = await startTestServer({
    [`/models/${good}`]: { body: bytes },
    [`/models/${bad}`]: { body: bytes },
    '/models/plain.pth': { body: bytes },
    '/models/missing-0123abcd.pth': { status: 404 },
  });
});
afterAll(() => server.close());
beforeEach(() => {
  hub = mkdtempSync(join(tmpdir(), 'dl-hub-'));
  setHubDir(hub);
});
afterEach(() => {
  setHubDir(undefined);
  vi.unstubAllEnvs();
  rmSync(hub, { recursive: true, force: true });
});

function disposeAll(sd: Record<string, Tensor>): void {
  for (const t of Object.values(sd)) t.dispose();
}

describe('loadStateDictFromUrl', () => {
  it('downloads into <hub>/checkpoints, checks the hash prefix, and loads the state dict key for key', async () => {
    const sd = await loadStateDictFromUrl<Record<string, Tensor>>(server.url(`/models/${good}`), { checkHash: true, progress: false });
    expect(Object.keys(sd)).toEqual(keys);
    expect(sd['classifier.1.weight']!.shape).toEqual([10, 512, 1, 1]);
    disposeAll(sd);
    expect(readdirSync(join(hub, 'checkpoints'))).toEqual([good]);
    expect(readFileSync(join(hub, 'checkpoints', good)).equals(bytes)).toBe(true);
  });

  it('loads a cached file without asking the server again', async () => {
    const url = server.url(`/models/${good}`);
    const before = server.hits(`/models/${good}`);
    disposeAll(await loadStateDictFromUrl(url, { checkHash: true, progress: false }));
    disposeAll(await loadStateDictFromUrl(url, { checkHash: true, progress: false }));
    expect(server.hits(`/models/${good}`)).toBe(before + 1);
  });

  it('rejects a download whose sha256 does not start with the prefix in its name, and caches nothing', async () => {
    const url = server.url(`/models/${bad}`);
    await rejectsExactly(
      loadStateDictFromUrl(url, { checkHash: true, progress: false }),
      ChecksumError,
      `loadStateDictFromUrl: invalid hash value for ${bad} (from ${url}): expected a sha256 starting with "${wrongPrefix}", got "${sha256}"; the file was removed`,
    );
    const error = await loadStateDictFromUrl(url, { checkHash: true, progress: false }).catch((e: ChecksumError) => e);
    expect(error).toMatchObject({ algorithm: 'sha256', expected: wrongPrefix, actual: sha256, path: join(hub, 'checkpoints', bad) });
    expect(readdirSync(join(hub, 'checkpoints'))).toEqual([]);
  });

  it('keeps any file without checkHash, as torch.hub does by default', async () => {
    disposeAll(await loadStateDictFromUrl(server.url(`/models/${bad}`), { progress: false }));
    expect(readdirSync(join(hub, 'checkpoints'))).toEqual([bad]);
  });

  it('refuses checkHash for a file name without a hash prefix of 8 or more hex digits, before any request', async () => {
    const url = server.url('/models/plain.pth');
    const before = server.hits('/models/plain.pth');
    await rejectsExactly(
      loadStateDictFromUrl(url, { checkHash: true, progress: false }),
      ValueError,
      `loadStateDictFromUrl: checkHash needs a file name of the form name-<first 8 or more hex digits of its sha256>.ext, got 'plain.pth' (from ${url})`,
    );
    expect(server.hits('/models/plain.pth')).toBe(before);
  });

  it('takes another cache folder and file name', async () => {
    const dir = join(hub, 'elsewhere');
    const path = await cachedFileFromUrl(server.url('/models/plain.pth'), { modelDir: dir, fileName: 'renamed.pth', progress: false });
    expect(path).toBe(join(dir, 'renamed.pth'));
    expect(existsSync(path)).toBe(true);
  });

  it('caches under $DL_HOME/hub/checkpoints when no folder is set', async () => {
    setHubDir(undefined);
    vi.stubEnv('DL_HOME', join(hub, 'home'));
    const path = await cachedFileFromUrl(server.url('/models/plain.pth'), { progress: false });
    expect(path).toBe(join(hub, 'home', 'hub', 'checkpoints', 'plain.pth'));
  });

  it('announces the download on the progress stream', async () => {
    let text = '';
    const progressStream = { isTTY: false, write: (s: string) => ((text += s), true) };
    const url = server.url(`/models/${good}`);
    await cachedFileFromUrl(url, { checkHash: true, download: { progressStream } });
    expect(text.startsWith(`Downloading: "${url}" to ${join(hub, 'checkpoints', good)}\n`)).toBe(true);
  });

  it('passes download failures on and rejects what is not a URL', async () => {
    await expect(cachedFileFromUrl(server.url('/models/missing-0123abcd.pth'), { progress: false, download: { retries: 0 } })).rejects.toThrow(/404/);
    await rejectsExactly(cachedFileFromUrl('not a url'), ValueError, "loadStateDictFromUrl: 'not a url' is not a valid URL");
  });
});
