import { describe, expect, it } from 'vitest';
import { ValueError } from '../errors/value-error';
import { functionFromModule, functionSpec } from './function-from-module';

const fns = new URL('../../test/support/collate-fns.ts', import.meta.url);

describe('functionFromModule', () => {
  it('returns the export callable here, with extra args appended, carrying its spec', async () => {
    const triple = await functionFromModule<(x: number) => number>({ module: fns, export: 'scale', args: [3] });
    expect(triple(5)).toBe(15);
    expect(triple.workerSpec()).toEqual({ module: fns, export: 'scale', args: [3] });
    expect(functionSpec(triple)).toEqual(triple.workerSpec());
    expect(functionSpec(() => 1)).toBeUndefined();
  });

  it('rejects exports that are not functions', async () => {
    await expect(functionFromModule({ module: '@dl/core', export: 'defaultGenerator' })).rejects.toThrow(ValueError);
    await expect(functionFromModule({ module: '@dl/core', export: 'defaultGenerator' })).rejects.toThrow("functionFromModule: export 'defaultGenerator' of @dl/core is not a function (got object)");
    await expect(functionFromModule({ module: fns, export: 'nope' })).rejects.toThrow(`functionFromModule: module ${fns.href} has no export 'nope' (it exports: sumCollate, scale)`);
    await expect(functionFromModule({ module: fns, export: 'scale', args: 3 as unknown as unknown[] })).rejects.toThrow('functionFromModule: args should be an array, got number');
  });
});
