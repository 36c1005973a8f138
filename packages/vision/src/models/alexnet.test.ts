import { manualSeed } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { expectSameInit, keysOf, parityFixture } from '../../test/support/model-fixtures';
import { alexnet } from './alexnet';

// The logits (and dropout) are checked by large-models.test.ts: one forward pass costs ~7 s on the
// cpu backend, nearly all in the 9216x4096 classifier layer.
describe('alexnet', () => {
  it("has torchvision's keys, repr and seeded initialisation", async () => {
    const fx = parityFixture('alexnet');
    manualSeed(0);
    const model = await alexnet({ numClasses: 10 });
    expect(keysOf(model)).toEqual(fx.keys);
    expect(model.toString()).toBe(fx.repr);
    expectSameInit(model, fx.init);
  });
});
