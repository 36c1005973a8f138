import { describe, expect, it } from 'vitest';
import { PythonRandom } from './python-random';

// Expected values printed by CPython 3.11: random.seed(0); ...
describe('PythonRandom', () => {
  it('draws the words CPython draws after random.seed(0)', () => {
    const rng = new PythonRandom(0);
    expect([rng.getrandbits(32), rng.getrandbits(32), rng.getrandbits(32)]).toEqual([3626764237, 1654615998, 3255389356]);
  });

  it('samples the permutation random.sample(range(n), n) gives after random.seed(0)', () => {
    const range = (n: number) => Array.from({ length: n }, (_, i) => i);
    expect(new PythonRandom(0).sampleAll(range(10))).toEqual([6, 9, 0, 2, 4, 3, 5, 1, 8, 7]);
    expect(new PythonRandom(0).sampleAll(range(25))).toEqual([12, 13, 1, 8, 16, 15, 24, 9, 19, 11, 17, 3, 21, 2, 4, 20, 22, 10, 7, 5, 6, 18, 23, 0, 14]);
  });
});
