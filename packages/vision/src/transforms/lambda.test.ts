import { ArgumentTypeError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { throwsExactly, torchRepr } from '../../test/support/transform-fixtures';
import { doubleValues } from '../../test/support/transform-worker-fixtures';
import { Lambda } from './lambda';

describe('Lambda', () => {
  it('applies its function', () => {
    const t = new Lambda((x: number) => x * 2);
    expect(t(21)).toBe(42);
    expect(t.forward(1)).toBe(2);
  });

  it("prints Lambda() as torchvision", () => {
    expect(String(new Lambda((x: number) => x))).toBe(torchRepr('Lambda(f)'));
  });

  it('has no workerSpec for a plain function, and one for a function that has a workerSpec', () => {
    expect(new Lambda((x: number) => x).workerSpec()).toBeUndefined();
    // What functionFromModule returns: the function, with a workerSpec() naming its module export.
    // (functionFromModule itself imports through Node, which cannot load .ts files under vitest.)
    const spec = { module: new URL('../../test/support/transform-worker-fixtures.ts', import.meta.url), export: 'doubleValues', args: [] };
    const fn = Object.assign((x: number[]) => doubleValues(x), { workerSpec: () => spec });
    const t = new Lambda(fn);
    expect(t([1, 2])).toEqual([2, 4]);
    const ws = t.workerSpec()!;
    expect(ws.export).toBe('Lambda');
    expect(ws.args).toEqual([fn]);
  });

  it('rejects what is not callable, as torchvision', () => {
    throwsExactly(() => new Lambda(3 as never), ArgumentTypeError, 'Lambda: Argument lambd should be callable, got number 3');
  });
});
