import { describe, expect, it } from 'vitest';
import { LabelField } from './label-field';

describe('LabelField', () => {
  it('is a non-sequential target field without <unk>, whatever the options', async () => {
    const LABEL = new LabelField({ sequential: true, unkToken: '<unk>', isTarget: false } as never);
    expect([LABEL.sequential, LABEL.unkToken, LABEL.isTarget, LABEL.padToken]).toEqual([false, null, true, null]);
    await LABEL.buildVocab(['HUM', 'LOC', 'HUM']);
    expect(LABEL.vocab!.itos).toEqual(['HUM', 'LOC']);
    const t = LABEL.process(['LOC', 'HUM']);
    expect(t).toMatchObject({ shape: [2], dtype: 'int32' });
  });
});
