import { Tensor, ValueError } from '@dl/core';

/** @internal The `[yPred, y]` pair a classification or regression metric updates with. */
export function tensorPair(output: unknown, op: string): [Tensor, Tensor] {
  if (!Array.isArray(output) || output.length < 2 || !(output[0] instanceof Tensor) || !(output[1] instanceof Tensor)) {
    const got = Array.isArray(output) ? `an array of ${output.length} (${output.map((o) => (o instanceof Tensor ? 'Tensor' : typeof o)).join(', ')})` : typeof output;
    throw new ValueError(`${op}: expected the output [yPred, y] as two Tensors (use outputTransform to pick them), got ${got}`);
  }
  return [output[0], output[1]];
}

/** @internal A tensor's values as plain numbers (booleans as 0/1). */
export function values(t: Tensor): ArrayLike<number> {
  return t.dataSync();
}

/** @internal A shape for messages: `[4, 10]`. */
export function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}
