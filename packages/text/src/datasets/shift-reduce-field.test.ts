import { describe, expect, it } from 'vitest';
import { ShiftReduceField } from './shift-reduce-field';

describe('ShiftReduceField', () => {
  it("turns a binary parse into transitions with a ready vocab, as torchtext's", () => {
    const field = new ShiftReduceField();
    expect(field.preprocess('( ( A dog ) ( barks loudly ) )')).toEqual(['shift', 'shift', 'reduce', 'shift', 'shift', 'reduce', 'reduce']);
    expect(field.vocab?.itos).toEqual(['<unk>', '<pad>', 'reduce', 'shift']);
  });
});
