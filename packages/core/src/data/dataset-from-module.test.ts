import { describe, expect, it } from 'vitest';
import { ValueError } from '../errors/value-error';
import { datasetFromModule } from './dataset-from-module';
import { FizzBuzzDataset } from '../../test/support/fizzbuzz-dataset';

const fixture = new URL('../../test/support/fizzbuzz-dataset.ts', import.meta.url);

describe('datasetFromModule', () => {
  it('builds the export with args and remembers the spec as workerSpec()', async () => {
    const ds = await datasetFromModule<FizzBuzzDataset>({ module: fixture, export: 'FizzBuzzDataset', args: [12, 0, 50] });
    expect(ds).toBeInstanceOf(FizzBuzzDataset);
    expect(ds.length).toBe(50);
    expect(ds.getItem(3)[0].shape).toEqual([12]);
    expect(ds.workerSpec()).toEqual({ module: fixture, export: 'FizzBuzzDataset', args: [12, 0, 50] });
  });

  it('builds @dl/core datasets by name', async () => {
    const ds = await datasetFromModule<{ getItem(i: number): number }>({ module: '@dl/core', export: 'ArrayDataset', args: [[4, 5]] });
    expect(ds.getItem(1)).toBe(5);
  });

  it('names a missing export and refuses relative paths', async () => {
    await expect(datasetFromModule({ module: fixture, export: 'Nope' })).rejects.toThrow(ValueError);
    await expect(datasetFromModule({ module: fixture, export: 'Nope' })).rejects.toThrow(`datasetFromModule: module ${fixture.href} has no export 'Nope' (it exports: FizzBuzzDataset)`);
    await expect(datasetFromModule({ module: './x.ts' })).rejects.toThrow("datasetFromModule: module './x.ts' is a relative path, which has no fixed base across threads; pass new URL('./x.ts', import.meta.url)");
  });
});
