import type { TfTensor } from '../backend/tfjs';
import type { Tensor } from '../tensor/tensor';

/** A function called with a tensor's gradient during backward; may return a replacement. */
// biome-ignore lint/suspicious/noConfusingVoidType: a hook that returns nothing (`() => void`) must be assignable.
export type GradHook = (grad: Tensor) => Tensor | void;

/**
 * A node of the autograd graph: the backward of one op (PyTorch's `grad_fn`). `next` holds, per
 * input of the op, the node its gradient flows to (null where the input needs none).
 */
export abstract class Node {
  /** The name the profiler and `toString()` show, e.g. `MatMulBackward`. */
  abstract readonly name: string;
  /** Per op input: where its gradient goes. */
  abstract readonly next: readonly (Node | null)[];
  /** @internal Non-leaf tensors whose grad is kept (`retainGrad()`), and their hooks. */
  retained: Tensor | null = null;
  /** @internal Hooks on the output tensor's gradient, run before `apply`. */
  hooks: GradHook[] | null = null;
  /** @internal Computes the gradients for the op's inputs from the gradient of its output. */
  abstract apply(grad: TfTensor): (TfTensor | null)[];
  /** Frees what the node saved for backward. */
  release(): void {}

  toString(): string {
    return `<${this.name}>`;
  }
}
