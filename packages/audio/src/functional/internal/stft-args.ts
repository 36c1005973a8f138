import { ArgumentTypeError, ShapeError, ValueError, type Tensor } from '@dl/core';
import type { Normalization } from '../window-function';
import { checkChoice, checkInt, checkTensor, describe, fmtShape } from './checks';
import type { PadMode, StftSpec } from './stft';

/** The padding modes `center` accepts. */
export const PAD_MODES: readonly PadMode[] = ['reflect', 'constant', 'replicate', 'circular'];

/** @internal torchaudio's `_get_spec_norms`: which of the two normalizations `normalized` asks for. */
export function specNorms(normalized: unknown, op: string): { frameLengthNorm: boolean; windowNorm: boolean } {
  if (typeof normalized === 'string') {
    if (normalized !== 'window' && normalized !== 'frame_length') throw new ValueError(`${op}: invalid normalized parameter ${describe(normalized)} (expected true, false, 'window' or 'frame_length')`);
    return { frameLengthNorm: normalized === 'frame_length', windowNorm: normalized === 'window' };
  }
  if (typeof normalized === 'boolean') return { frameLengthNorm: false, windowNorm: normalized };
  throw new ArgumentTypeError(`${op}: expected normalized to be a boolean, 'window' or 'frame_length', got ${describe(normalized)}`);
}

/** What {@link stftSpec} checks and turns into an StftSpec. */
export interface StftArgs {
  pad: number;
  window: Tensor;
  nFft: number;
  hopLength: number;
  winLength: number;
  normalized: Normalization;
  center: boolean;
  padMode: PadMode;
  onesided: boolean;
}

/** @internal Checks the STFT arguments of `op` and returns the spec the STFT code runs. */
export function stftSpec(args: StftArgs, op: string): StftSpec {
  checkInt(args.nFft, op, 'nFft', 1);
  checkInt(args.hopLength, op, 'hopLength', 1);
  checkInt(args.winLength, op, 'winLength', 1);
  checkInt(args.pad, op, 'pad', 0);
  if (args.winLength > args.nFft) throw new ValueError(`${op}: expected winLength <= nFft, got winLength=${args.winLength} and nFft=${args.nFft}`);
  checkTensor(args.window, op, 'window');
  if (args.window.ndim !== 1 || args.window.shape[0] !== args.winLength) {
    throw new ShapeError(`${op}: expected a 1-D window of winLength=${args.winLength} values, got shape ${fmtShape(args.window.shape)}`);
  }
  checkChoice(args.padMode, PAD_MODES, op, 'padMode');
  for (const k of ['center', 'onesided'] as const) {
    if (typeof args[k] !== 'boolean') throw new ArgumentTypeError(`${op}: expected ${k} to be a boolean, got ${describe(args[k])}`);
  }
  const norms = specNorms(args.normalized, op);
  const window = args.window.dtype === 'float32' ? (args.window.dataSync() as Float32Array) : Float32Array.from(args.window.dataSync());
  return {
    nFft: args.nFft,
    hopLength: args.hopLength,
    winLength: args.winLength,
    window,
    pad: args.pad,
    center: args.center,
    padMode: args.padMode,
    onesided: args.onesided,
    ...norms,
  };
}

/** @internal Checks that a signal of `length` samples is long enough for the STFT (and its padding). */
export function checkSignalLength(length: number, spec: StftSpec, op: string): void {
  const inner = length + 2 * spec.pad;
  const c = spec.center ? Math.floor(spec.nFft / 2) : 0;
  if (spec.center && c > 0) {
    if (spec.padMode === 'reflect' && c >= inner) {
      throw new ValueError(`${op}: reflect padding of ${c} samples (nFft / 2) needs a signal longer than ${c} samples, got ${inner}${spec.pad ? ` (${length} + 2 * pad ${spec.pad})` : ''}`);
    }
    if (spec.padMode === 'circular' && c > inner) {
      throw new ValueError(`${op}: circular padding of ${c} samples (nFft / 2) needs a signal of at least ${c} samples, got ${inner}`);
    }
    if (spec.padMode === 'replicate' && inner === 0) throw new ValueError(`${op}: replicate padding needs a non-empty signal`);
  }
  const padded = inner + 2 * c;
  if (padded < spec.nFft) {
    throw new ValueError(`${op}: nFft=${spec.nFft} is larger than the ${spec.center ? 'padded ' : ''}signal (${padded} samples${spec.center ? `: ${length} + 2 * ${c} centring` : ''}${spec.pad ? ` + 2 * pad ${spec.pad}` : ''})`);
  }
}
