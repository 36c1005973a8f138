import { ArgumentTypeError, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { expectClose, fixture } from '../../test/fixtures/transforms/load';
import { bartlettWindow } from './bartlett-window';
import { blackmanWindow } from './blackman-window';
import { hammingWindow } from './hamming-window';
import { hannWindow } from './hann-window';
import { kaiserWindow } from './kaiser-window';

describe('window functions', () => {
  const fx = fixture('ta_windows');

  it('match torch.<name>_window for periodic and symmetric windows of 1, 7 and 8 points', () => {
    for (const n of [1, 7, 8]) {
      for (const periodic of [true, false]) {
        const tag = `${n}_${periodic ? 'p' : 's'}`;
        expectClose(hannWindow(n, { periodic }), fx.expected[`hann_${tag}`], 1e-6, 1e-7);
        expectClose(hammingWindow(n, { periodic }), fx.expected[`hamming_${tag}`], 1e-6, 1e-7);
        expectClose(hammingWindow(n, { periodic, alpha: 0.6, beta: 0.4 }), fx.expected[`hamming_a6b4_${tag}`], 1e-6, 1e-7);
        expectClose(blackmanWindow(n, { periodic }), fx.expected[`blackman_${tag}`], 1e-6, 1e-6);
        expectClose(bartlettWindow(n, { periodic }), fx.expected[`bartlett_${tag}`], 1e-6, 1e-7);
        expectClose(kaiserWindow(n, { periodic }), fx.expected[`kaiser_${tag}`], 1e-5, 1e-7);
        expectClose(kaiserWindow(n, { periodic, beta: 5 }), fx.expected[`kaiser_b5_${tag}`], 1e-5, 1e-7);
      }
    }
  });

  it('are periodic by default and empty for length 0', () => {
    expect(hannWindow(4).tolist()).toEqual([0, 0.5, 1, 0.5]);
    expect(hannWindow(0).shape).toEqual([0]);
  });

  it('reject negative or fractional lengths and non-boolean periodic', () => {
    expect(() => hannWindow(-1)).toThrowError(new ValueError('hannWindow: expected windowLength to be a non-negative integer, got -1'));
    expect(() => kaiserWindow(2.5)).toThrowError(new ValueError('kaiserWindow: expected windowLength to be an integer, got 2.5'));
    expect(() => hammingWindow('4' as never)).toThrowError(new ArgumentTypeError("hammingWindow: expected windowLength to be a number, got '4'"));
    expect(() => blackmanWindow(4, { periodic: 1 as never })).toThrowError(new ValueError('blackmanWindow: expected periodic to be a boolean, got 1'));
  });
});
