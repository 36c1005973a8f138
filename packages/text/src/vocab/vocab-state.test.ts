import { describe, expect, it } from 'vitest';
import { checkVocabState, decodeFloat32, encodeFloat32 } from './vocab-state';

describe('encodeFloat32 / decodeFloat32', () => {
  it('round-trip float32 values exactly, NaN, -0 and infinities included', () => {
    const values = Float32Array.from([1, -0, Number.NaN, Number.POSITIVE_INFINITY, 1e-45, 3.4028234663852886e38, 0.1]);
    expect(encodeFloat32(Float32Array.from([1]))).toBe('AACAPw==');
    const back = decodeFloat32(encodeFloat32(values), values.length)!;
    expect(Buffer.from(back.buffer).equals(Buffer.from(values.buffer))).toBe(true);
    expect(encodeFloat32(values.subarray(1, 2))).toBe(encodeFloat32(Float32Array.from([-0])));
  });

  it('is undefined for text that is not base64 of that many values', () => {
    expect(decodeFloat32('AACAPw==', 2)).toBeUndefined();
    expect(decodeFloat32('not base64!', 1)).toBeUndefined();
  });
});

describe('checkVocabState', () => {
  it('names the first wrong field', () => {
    const good = { format: 'dl.text.Vocab', version: 1, itos: ['a'], freqs: [['a', 1]], unkIndex: null, vectors: null };
    expect(checkVocabState(good).vectorValues).toBeUndefined();
    expect(() => checkVocabState(null)).toThrow('Vocab.fromStateDict: expected a state object from vocab.stateDict(), got null');
    expect(() => checkVocabState({ ...good, version: 2 })).toThrow('Vocab.fromStateDict: version must be 1, got 2');
    expect(() => checkVocabState({ ...good, freqs: [['a']] })).toThrow('Vocab.fromStateDict: freqs must be an array of [token, count] pairs');
    expect(() => checkVocabState({ ...good, vectors: { shape: [2, 1], data: '' } })).toThrow('Vocab.fromStateDict: vectors.shape must be [1, dim] (one row per token), got [2, 1]');
    expect(() => checkVocabState({ ...good, vectors: [] })).toThrow('Vocab.fromStateDict: vectors must be null or { shape: [rows, dim], data: base64 }');
    expect(checkVocabState({ ...good, vectors: { shape: [1, 1], data: 'AACAPw==' } }).vectorValues).toEqual(Float32Array.from([1]));
  });
});
