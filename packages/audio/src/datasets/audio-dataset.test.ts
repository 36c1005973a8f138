import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { DatasetError } from '@dl/core/node';
import { buildTar, startTestServer } from '@dl/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectError, sha256 } from '../../test/fixtures/datasets/support';
import { AudioDataset, type AudioDatasetOptions } from './audio-dataset';

/** A dataset over the lines of root/lines/lines.txt, downloaded as lines.tar.gz from `url`. */
class Lines extends AudioDataset<[string, number]> {
  loads = 0;
  private rows: string[] = [];

  constructor(
    root: string,
    readonly options_: AudioDatasetOptions & { url: string; checksum?: string },
  ) {
    super(root, options_);
  }

  protected async load(): Promise<void> {
    this.loads++;
    const folder = join(this.root, 'lines');
    await this.ensureFolder(folder, { url: this.options_.url, archive: join(this.root, 'lines.tar.gz'), extractTo: this.root, sha256: this.options_.checksum });
    this.rows = (await readFile(join(folder, 'lines.txt'), 'utf8')).split('\n').filter(Boolean);
  }

  protected count(): number {
    return this.rows.length;
  }

  protected async loadItem(index: number): Promise<[string, number]> {
    return [this.rows[index]!, index];
  }

  protected override extraRepr(): string[] {
    return ['Kind: lines'];
  }
}

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-audio-dataset-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('AudioDataset', () => {
  it('prepares once for concurrent first reads, then serves items by index (negative from the end)', async () => {
    const server = await startTestServer();
    try {
      const archive = buildTar([{ name: 'lines/lines.txt', data: 'one\ntwo\nthree\n' }], { gzip: true });
      server.route('/lines.tar.gz', { body: archive });
      const lines = new Lines(root, { url: server.url('/lines.tar.gz'), checksum: sha256(archive), download: true, downloadOptions: { progress: false } });
      const items = await Promise.all([lines.getItem(0), lines.getItem(-1), lines.prepare().then(() => lines.getItem(1))]);
      expect(items).toEqual([
        ['one', 0],
        ['three', 2],
        ['two', 1],
      ]);
      expect([lines.loads, server.hits('/lines.tar.gz'), lines.length]).toEqual([1, 1, 3]);
      await lines.prepare();
      expect(lines.loads).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('lets a failed prepare() be tried again', async () => {
    const lines = new Lines(root, { url: 'http://127.0.0.1:1/lines.tar.gz' });
    await expectError(lines.prepare(), DatasetError, `Lines: dataset not found in ${join(root, 'lines')}; pass download: true to download it`);
    await mkdir(join(root, 'lines'));
    await writeFile(join(root, 'lines', 'lines.txt'), 'a\n');
    expect((await lines.prepare()).length).toBe(1);
    expect(lines.loads).toBe(2);
  });

  it("shows torchvision's repr form with the subclass's lines, in console.log too", async () => {
    await mkdir(join(root, 'lines'));
    await writeFile(join(root, 'lines', 'lines.txt'), 'a\nb\n');
    const lines = await new Lines(root, { url: 'http://127.0.0.1:1/lines.tar.gz' }).prepare();
    expect(inspect(lines)).toBe(`Dataset Lines\n    Number of datapoints: 2\n    Root location: ${root}\n    Kind: lines`);
  });
});
