import type { TfTensor } from '../backend/tfjs';
import { AutogradError } from '../errors/autograd-error';
import type { Tensor } from '../tensor/tensor';
import { Node } from './node';
import { sumToShape } from './sum-to-shape';

/**
 * Computes an op's input gradients from its output gradient. `saved` holds the values the op
 * saved, `needs[i]` whether input `i` wants a gradient. Returns one entry per input (null where
 * not needed); broadcast gradients are reduced to the input's shape by the caller.
 */
export type BackwardFn = (grad: TfTensor, saved: TfTensor[], needs: readonly boolean[]) => (TfTensor | null)[];

/** @internal The backward node of an op recorded through `runOp`. */
export class FunctionNode extends Node {
  readonly name: string;
  private saved: Tensor[] | null;
  private readonly versions: number[];
  private readonly hadSaved: boolean;

  constructor(
    forwardName: string,
    readonly next: readonly (Node | null)[],
    private readonly inputShapes: readonly (readonly number[])[],
    saved: Tensor[],
    private readonly fn: BackwardFn,
  ) {
    super();
    this.name = `${forwardName}Backward`;
    this.saved = saved;
    this.versions = saved.map((t) => t._version);
    this.hadSaved = saved.length > 0;
  }

  /** @internal */
  apply(grad: TfTensor): (TfTensor | null)[] {
    const saved = this.saved;
    if (saved === null) {
      throw new AutogradError(
        `Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed) in ${this.name}. Saved intermediate values of the graph are freed when you call backward(). Specify retainGraph: true if you need to backward through the graph a second time.`,
      );
    }
    const values: TfTensor[] = [];
    for (let i = 0; i < saved.length; i++) {
      const t = saved[i];
      if (t._version !== this.versions[i]) {
        throw new AutogradError(
          `one of the variables needed for gradient computation has been modified by an inplace operation: [${t.dtype} [${t.shape.join(', ')}]] is at version ${t._version}; expected version ${this.versions[i]} instead (in ${this.name})`,
        );
      }
      values.push(t._value);
    }
    const needs = this.next.map((n) => n !== null);
    const grads = this.fn(grad, values, needs);
    for (let i = 0; i < grads.length; i++) {
      const g = grads[i];
      // A gradient nobody asked for is dropped here, so the tidy around apply() frees it.
      if (g && needs[i]) grads[i] = sumToShape(g, this.inputShapes[i]);
      else grads[i] = null;
    }
    return grads;
  }

  /** @internal Redirects saved references from one wrapper to another (in-place transplant). */
  resave(from: Tensor, to: Tensor): void {
    if (!this.saved) return;
    for (let i = 0; i < this.saved.length; i++) {
      if (this.saved[i] === from) {
        this.saved[i] = to;
        this.versions[i] = to._version;
      }
    }
  }

  override release(): void {
    if (this.hadSaved) this.saved = null;
  }
}
