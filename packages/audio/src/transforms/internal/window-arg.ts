import { ArgumentTypeError, ShapeError, Tensor } from '@dl/core';
import { describe, fmtShape } from '../../functional/internal/checks';
import type { WindowFunction, WindowOptions } from '../../functional/window-function';

/** @internal Makes a transform's window with `windowFn(winLength, wkwargs)` and checks it. */
export function makeWindow(windowFn: WindowFunction, winLength: number, wkwargs: WindowOptions | null | undefined, op: string): Tensor {
  if (typeof windowFn !== 'function') throw new ArgumentTypeError(`${op}: expected windowFn to be a function making a window, got ${describe(windowFn)}`);
  const w = wkwargs == null ? windowFn(winLength) : windowFn(winLength, wkwargs);
  if (!(w instanceof Tensor) || w.ndim !== 1 || w.shape[0] !== winLength) {
    throw new ShapeError(`${op}: windowFn(${winLength}) should return a 1-D tensor of ${winLength} values, got ${w instanceof Tensor ? `shape ${fmtShape(w.shape)}` : describe(w)}`);
  }
  return w;
}
