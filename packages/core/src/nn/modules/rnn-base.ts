import { tf } from '../../backend/tfjs';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import { dropout } from '../../ops/functional/dropout';
import { linear } from '../../ops/functional/linear';
import { cat } from '../../ops/shape/cat';
import { reshape } from '../../ops/shape/reshape';
import { select } from '../../ops/shape/select';
import { squeeze } from '../../ops/shape/squeeze';
import { stack } from '../../ops/shape/stack';
import { transpose } from '../../ops/shape/transpose';
import { unbind } from '../../ops/shape/unbind';
import { unsqueeze } from '../../ops/shape/unsqueeze';
import { Tensor } from '../../tensor/tensor';
import { uniform_ } from '../init/uniform';
import { Module } from '../module';
import { Parameter } from '../parameter';
import { checkTensor } from './check-input';
import { describeNumber } from '../../tensor/describe-arg';

/** Options shared by `RNN`, `LSTM` and `GRU`. */
export interface RNNBaseOptions {
  /** Stacked recurrent layers. @default 1 */
  numLayers?: number;
  /** Learn the biases `b_ih` and `b_hh`. @default true */
  bias?: boolean;
  /** Input and output are `[N, L, H]` instead of `[L, N, H]` (the hidden state keeps `[layers, N, H]`). @default false */
  batchFirst?: boolean;
  /** Dropout probability on the outputs of every layer but the last (training mode). @default 0 */
  dropout?: number;
  /** Run a second pass over the reversed sequence and concatenate both. @default false */
  bidirectional?: boolean;
}

/** @internal The weights of one layer and direction. */
export interface LayerWeights {
  wIh: Parameter;
  wHh: Parameter;
  bIh: Parameter | null;
  bHh: Parameter | null;
  wHr: Parameter | null;
}

/** @internal One step: from the input projection and the state, the next state `[h, c]`. */
export type CellStep = (gi: Tensor, h: Tensor, c: Tensor | null, w: LayerWeights) => [Tensor, Tensor | null];

/**
 * PyTorch's `RNNBase`: parameters named `weight_ih_l{k}`, `weight_hh_l{k}`,
 * `bias_ih_l{k}`, `bias_hh_l{k}` (and `_reverse`, and LSTM's `weight_hr_l{k}`), in PyTorch's
 * order, initialised from U(-1/sqrt(hidden), 1/sqrt(hidden)).
 */
export abstract class RNNBase extends Module {
  mode: 'RNN_TANH' | 'RNN_RELU' | 'LSTM' | 'GRU';
  inputSize: number;
  hiddenSize: number;
  numLayers: number;
  bias: boolean;
  batchFirst: boolean;
  dropout: number;
  bidirectional: boolean;
  projSize: number;

  constructor(mode: RNNBase['mode'], inputSize: number, hiddenSize: number, options: RNNBaseOptions & { projSize?: number }, layer: string) {
    super();
    const numLayers = options.numLayers ?? 1;
    const p = options.dropout ?? 0;
    const projSize = options.projSize ?? 0;
    if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
      throw new ValueError(`${layer}: dropout should be a number in range [0, 1] representing the probability of an element being zeroed, got ${p}`);
    }
    if (!Number.isInteger(inputSize) || inputSize < 1) throw new ValueError(`${layer}: inputSize must be a positive integer, got ${describeNumber(inputSize)}`);
    if (!Number.isInteger(hiddenSize) || hiddenSize < 1) throw new ValueError(`${layer}: hidden_size must be greater than zero, got ${hiddenSize}`);
    if (!Number.isInteger(numLayers) || numLayers < 1) throw new ValueError(`${layer}: num_layers must be greater than zero, got ${numLayers}`);
    if (!Number.isInteger(projSize) || projSize < 0) throw new ValueError(`${layer}: proj_size should be a positive integer or zero to disable projections, got ${projSize}`);
    if (projSize >= hiddenSize) throw new ValueError(`${layer}: proj_size has to be smaller than hidden_size (got projSize ${projSize}, hiddenSize ${hiddenSize})`);
    this.mode = mode;
    this.inputSize = inputSize;
    this.hiddenSize = hiddenSize;
    this.numLayers = numLayers;
    this.bias = options.bias ?? true;
    this.batchFirst = options.batchFirst ?? false;
    this.dropout = p;
    this.bidirectional = options.bidirectional ?? false;
    this.projSize = projSize;
    const gate = mode === 'LSTM' ? 4 * hiddenSize : mode === 'GRU' ? 3 * hiddenSize : hiddenSize;
    const real = projSize > 0 ? projSize : hiddenSize;
    const dirs = this.bidirectional ? 2 : 1;
    const param = (shape: number[]) => new Parameter(Tensor._owned(tf.zeros(shape)));
    for (let l = 0; l < numLayers; l++) {
      const inSize = l === 0 ? inputSize : real * dirs;
      for (let d = 0; d < dirs; d++) {
        const s = `_l${l}${d === 1 ? '_reverse' : ''}`;
        this.registerParameter(`weight_ih${s}`, param([gate, inSize]));
        this.registerParameter(`weight_hh${s}`, param([gate, real]));
        if (this.bias) {
          this.registerParameter(`bias_ih${s}`, param([gate]));
          this.registerParameter(`bias_hh${s}`, param([gate]));
        }
        if (projSize > 0) this.registerParameter(`weight_hr${s}`, param([projSize, hiddenSize]));
      }
    }
    this.resetParameters();
  }

  /** Re-draws every weight from U(-1/sqrt(hiddenSize), 1/sqrt(hiddenSize)), as PyTorch does. */
  resetParameters(): void {
    const stdv = 1 / Math.sqrt(this.hiddenSize);
    for (const p of this.parameters()) uniform_(p, { a: -stdv, b: stdv });
  }

  /** The parameters per layer and direction, as PyTorch's `all_weights`. */
  get allWeights(): Parameter[][] {
    const out: Parameter[][] = [];
    const dirs = this.bidirectional ? 2 : 1;
    for (let l = 0; l < this.numLayers; l++) {
      for (let d = 0; d < dirs; d++) {
        const w = this.layerWeights(l, d);
        out.push([w.wIh, w.wHh, w.bIh, w.bHh, w.wHr].filter((p): p is Parameter => p !== null));
      }
    }
    return out;
  }

  /** @internal */
  protected layerWeights(l: number, d: number): LayerWeights {
    const s = `_l${l}${d === 1 ? '_reverse' : ''}`;
    const get = (n: string) => (this._member(n) as Parameter | undefined) ?? null;
    return { wIh: get(`weight_ih${s}`)!, wHh: get(`weight_hh${s}`)!, bIh: get(`bias_ih${s}`), bHh: get(`bias_hh${s}`), wHr: get(`weight_hr${s}`) };
  }

  /** @internal Checks the input and returns it time-major and batched, with whether it was batched. */
  protected prepareInput(input: Tensor): [Tensor, boolean] {
    const layer = this._getName();
    checkTensor(layer, input);
    if (input.dim() !== 2 && input.dim() !== 3) throw new ShapeError(`${layer}: Expected input to be 2D or 3D, got ${input.dim()}D tensor instead (shape [${input.shape.join(', ')}])`);
    if (input.shape[input.dim() - 1] !== this.inputSize) {
      throw new ShapeError(`${layer}: input.size(-1) must be equal to input_size. Expected ${this.inputSize}, got ${input.shape[input.dim() - 1]} (input shape [${input.shape.join(', ')}])`);
    }
    const batched = input.dim() === 3;
    let x = batched ? input : unsqueeze(input, 1);
    if (batched && this.batchFirst) x = transpose(x, 0, 1);
    return [x, batched];
  }

  /** @internal Checks one initial state (`[layers * dirs, N, size]`, or unbatched without N) and returns it batched. */
  protected prepareState(state: Tensor | null | undefined, batched: boolean, n: number, size: number, what: string): Tensor {
    const layers = this.numLayers * (this.bidirectional ? 2 : 1);
    if (state === null || state === undefined) return Tensor._owned(tf.zeros([layers, n, size]));
    checkTensor(this._getName(), state, what);
    const expected = batched ? [layers, n, size] : [layers, size];
    const s = state.shape;
    if (s.length !== expected.length || s.some((d, i) => d !== expected[i])) {
      throw new ShapeError(`${this._getName()}: Expected ${what} size [${expected.join(', ')}], got [${s.join(', ')}]`);
    }
    return batched ? state : unsqueeze(state, 1);
  }

  /**
   * @internal Runs every layer and direction over time-major input `[L, N, H]` from the initial
   * states, with `step` as the cell. Returns the output and the final `h` (and `c`).
   */
  protected runLayers(x: Tensor, h0: Tensor, c0: Tensor | null, step: CellStep): [Tensor, Tensor, Tensor | null] {
    const dirs = this.bidirectional ? 2 : 1;
    const h0s = unbind(h0, 0);
    const c0s = c0 ? unbind(c0, 0) : null;
    const hn: Tensor[] = [];
    const cn: Tensor[] = [];
    let layerInput = x;
    const [len, n] = x.shape;
    for (let l = 0; l < this.numLayers; l++) {
      const outs: Tensor[] = [];
      for (let d = 0; d < dirs; d++) {
        const idx = l * dirs + d;
        const w = this.layerWeights(l, d);
        const inSize = layerInput.shape[2];
        const xp = reshape(linear(reshape(layerInput, [len * n, inSize]), w.wIh, w.bIh), [len, n, w.wIh.shape[0]]);
        let h = h0s[idx];
        let c = c0s ? c0s[idx] : null;
        const seq = new Array<Tensor>(len);
        for (let k = 0; k < len; k++) {
          const t = d === 1 ? len - 1 - k : k;
          [h, c] = step(select(xp, 0, t), h, c, w);
          seq[t] = h;
        }
        hn.push(h);
        if (c) cn.push(c);
        outs.push(len > 0 ? stack(seq, 0) : Tensor._owned(tf.zeros([0, n, h.shape[1]])));
      }
      layerInput = dirs === 2 ? cat(outs, 2) : outs[0];
      if (this.dropout > 0 && this.training && l < this.numLayers - 1) layerInput = dropout(layerInput, { p: this.dropout, training: true });
    }
    return [layerInput, stack(hn, 0), c0 ? stack(cn, 0) : null];
  }

  /** @internal Brings an output back to the caller's layout. */
  protected finishOutput(out: Tensor, batched: boolean): Tensor {
    if (!batched) return squeeze(out, 1);
    return this.batchFirst ? transpose(out, 0, 1) : out;
  }

  /** @internal Removes the batch dim of a final state for unbatched input. */
  protected finishState(state: Tensor, batched: boolean): Tensor {
    return batched ? state : squeeze(state, 1);
  }

  override extraRepr(): string {
    let s = `${this.inputSize}, ${this.hiddenSize}`;
    if (this.projSize !== 0) s += `, proj_size=${this.projSize}`;
    if (this.numLayers !== 1) s += `, num_layers=${this.numLayers}`;
    if (!this.bias) s += ', bias=False';
    if (this.batchFirst) s += ', batch_first=True';
    if (this.dropout !== 0) s += `, dropout=${this.dropout}`;
    if (this.bidirectional) s += ', bidirectional=True';
    return s;
  }
}
