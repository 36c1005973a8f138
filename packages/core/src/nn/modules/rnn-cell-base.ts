import { tf } from '../../backend/tfjs';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import { squeeze } from '../../ops/shape/squeeze';
import { unsqueeze } from '../../ops/shape/unsqueeze';
import { Tensor } from '../../tensor/tensor';
import { uniform_ } from '../init/uniform';
import { Module } from '../module';
import { Parameter } from '../parameter';
import { checkTensor } from './check-input';
import { describeNumber } from '../../tensor/describe-arg';

/** PyTorch's `RNNCellBase`: `weight_ih`, `weight_hh`, `bias_ih`, `bias_hh`, U(±1/sqrt(hidden)). */
export abstract class RNNCellBase extends Module {
  inputSize: number;
  hiddenSize: number;
  bias: boolean;
  weight_ih: Parameter;
  weight_hh: Parameter;
  bias_ih: Parameter | null;
  bias_hh: Parameter | null;

  constructor(inputSize: number, hiddenSize: number, bias: boolean, chunks: number, layer: string) {
    super();
    if (!Number.isInteger(inputSize) || inputSize < 1) throw new ValueError(`${layer}: inputSize must be a positive integer, got ${describeNumber(inputSize)}`);
    if (!Number.isInteger(hiddenSize) || hiddenSize < 1) throw new ValueError(`${layer}: hiddenSize must be a positive integer, got ${describeNumber(hiddenSize)}`);
    this.inputSize = inputSize;
    this.hiddenSize = hiddenSize;
    this.bias = bias;
    const p = (shape: number[]) => new Parameter(Tensor._owned(tf.zeros(shape)));
    this.weight_ih = p([chunks * hiddenSize, inputSize]);
    this.weight_hh = p([chunks * hiddenSize, hiddenSize]);
    this.bias_ih = bias ? p([chunks * hiddenSize]) : null;
    this.bias_hh = bias ? p([chunks * hiddenSize]) : null;
    this.resetParameters();
  }

  /** Re-draws every weight from U(-1/sqrt(hiddenSize), 1/sqrt(hiddenSize)). */
  resetParameters(): void {
    const stdv = 1 / Math.sqrt(this.hiddenSize);
    for (const w of this.parameters()) uniform_(w, { a: -stdv, b: stdv });
  }

  /** @internal Checks `[N, in]` or unbatched `[in]` input and returns it batched. */
  protected prepareInput(input: Tensor): [Tensor, boolean] {
    const layer = this._getName();
    checkTensor(layer, input);
    if ((input.dim() !== 1 && input.dim() !== 2) || input.shape[input.dim() - 1] !== this.inputSize) {
      throw new ShapeError(`${layer}: expected input of shape [N, ${this.inputSize}] or [${this.inputSize}], got input of shape [${input.shape.join(', ')}]`);
    }
    const batched = input.dim() === 2;
    return [batched ? input : unsqueeze(input, 0), batched];
  }

  /** @internal Checks a state `[N, hidden]` (or unbatched `[hidden]`); zeros when absent. */
  protected prepareState(state: Tensor | null | undefined, batched: boolean, n: number, what: string): Tensor {
    if (state === null || state === undefined) return Tensor._owned(tf.zeros([n, this.hiddenSize]));
    checkTensor(this._getName(), state, what);
    const expected = batched ? [n, this.hiddenSize] : [this.hiddenSize];
    if (state.dim() !== expected.length || state.shape.some((d, i) => d !== expected[i])) {
      throw new ShapeError(`${this._getName()}: Expected ${what} size [${expected.join(', ')}], got [${state.shape.join(', ')}]`);
    }
    return batched ? state : unsqueeze(state, 0);
  }

  /** @internal */
  protected unbatch(t: Tensor, batched: boolean): Tensor {
    return batched ? t : squeeze(t, 0);
  }

  override extraRepr(): string {
    return `${this.inputSize}, ${this.hiddenSize}${this.bias ? '' : ', bias=False'}`;
  }
}

