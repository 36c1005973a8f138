import type { NamedAttrMap, TfTensor, tf } from '../../backend/tfjs';

/**
 * What a kernel gradient learns about the call it differentiates, besides the saved values.
 * Every per-input array follows the config's {@link KernelGradient.inputNames} order.
 */
export interface KernelGradContext {
  /** The attributes the kernel ran with (`{ axis, keepDims }`, `{ perm }`, ...). */
  readonly attrs: NamedAttrMap;
  /** Whether each input wants a gradient: compute only those, return `null` for the others. */
  readonly needs: readonly boolean[];
  /** The shape each input had in the forward pass (no need to save an input for its shape). */
  readonly inputShapes: readonly (readonly number[])[];
  /** The dtype each input had in the forward pass. */
  readonly inputDtypes: readonly tf.DataType[];
}

/**
 * The gradient rule of one kernel. `dy` is the gradient of the kernel's (float32) output;
 * `saved` holds the values the config asked for, in order: the inputs named in
 * {@link KernelGradient.saveInputs}, then the output when {@link KernelGradient.saveOutput}.
 * Returns one gradient per input in {@link KernelGradient.inputNames} order, `null` where not
 * needed (or not differentiable). It runs inside a `tf.tidy`, on raw tfjs tensors; gradients of
 * broadcast inputs may keep the broadcast shape, `runOp` reduces them to the input's shape.
 */
export type KernelGradFunc = (dy: TfTensor, saved: readonly TfTensor[], ctx: KernelGradContext) => (TfTensor | null)[];

/**
 * The backward of one TensorFlow.js kernel run through `kernelOp`: @dl/core's own gradient table
 * (tfjs-core alone registers none).
 *
 * @example
 * ```ts
 * const expGradient: KernelGradient = {
 *   kernelName: 'Exp',
 *   inputNames: ['x'],
 *   saveOutput: true,
 *   gradFunc: (dy, [y]) => [tf.mul(dy, y)],
 * };
 * ```
 */
export interface KernelGradient {
  /** The tfjs kernel name, e.g. `'BatchMatMul'`. */
  readonly kernelName: string;
  /** The kernel's input names (`['x']`, `['a', 'b']`): the order of `needs` and of the gradients. */
  readonly inputNames: readonly string[];
  /**
   * Inputs whose values backward reads; they are saved (and guarded against later in-place
   * changes). Inputs needed only for their shape or dtype are not: see {@link KernelGradContext}.
   */
  readonly saveInputs?: readonly string[];
  /** Whether backward reads the kernel's output (saved after the inputs). @default false */
  readonly saveOutput?: boolean;
  /** The gradient rule. */
  readonly gradFunc: KernelGradFunc;
}
