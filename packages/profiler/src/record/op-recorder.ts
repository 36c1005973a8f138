import type { OpRecorder, Tensor } from '@dl/core';
import { CAT, type Recording } from './recording';

function shapesOf(inputs: readonly Tensor[] | null): number[][] | null {
  if (inputs === null) return null;
  const out: number[][] = new Array(inputs.length);
  for (let i = 0; i < inputs.length; i++) out[i] = inputs[i].shape;
  return out;
}

/**
 * @internal The recorder @dl/core calls around every op (`setOpRecorder`): forward ops and
 * backward nodes become events. Without shapes or stacks it does the least work possible.
 */
export function opRecorderFor(rec: Recording): OpRecorder {
  const end = (token: unknown): void => rec.end(token as number);
  if (rec.shapes === null && rec.stacks === null) {
    return { begin: (name, _inputs, phase) => rec.begin(name, phase === 'backward' ? CAT.backward : CAT.forward), end };
  }
  const shapes = rec.shapes !== null;
  return {
    // Backward nodes run inside backward(): the user frames of interest are those of the forward.
    begin: (name, inputs, phase) =>
      phase === 'backward' ? rec.begin(name, CAT.backward, null, false) : rec.begin(name, CAT.forward, shapes ? shapesOf(inputs) : null, true),
    end,
  };
}
