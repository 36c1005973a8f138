import { tf } from '../../backend/tfjs';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import { embeddingBag } from '../../ops/functional/embedding-bag';
import { Tensor } from '../../tensor/tensor';
import { normal_ } from '../init/normal';
import { Module } from '../module';
import { Parameter } from '../parameter';
import { checkTensor, resolvePadding } from './check-input';
import { pyFloat } from './repr';
import { assertOptions } from '../../ops/arg-checks';

/** Options of `EmbeddingBag`. */
export interface EmbeddingBagLayerOptions {
  /** Looked-up rows with a larger norm are renormalised in place to this norm. @default null */
  maxNorm?: number | null;
  /** The p of the p-norm for `maxNorm`. @default 2 */
  normType?: number;
  /** Scale gradients by the inverse frequency of the indices in the batch. @default false */
  scaleGradByFreq?: boolean;
  /** How each bag's vectors are combined. @default 'mean' */
  mode?: 'sum' | 'mean' | 'max';
  /** Accepted for PyTorch compatibility; gradients are dense. @default false */
  sparse?: boolean;
  /** `offsets` has a final entry marking the end of the last bag. @default false */
  includeLastOffset?: boolean;
  /** Entries at this index are left out of their bag. @default null */
  paddingIdx?: number | null;
  /** Initial weights of shape [numEmbeddings, embeddingDim] instead of N(0, 1). */
  weight?: Tensor;
}

/** Options of `EmbeddingBag.forward`. */
export interface EmbeddingBagForwardOptions {
  /** For 1-D input: where each bag starts. */
  offsets?: Tensor | null;
  /** One weight per index (mode 'sum' only). */
  perSampleWeights?: Tensor | null;
}

/**
 * Sums, averages or takes the max of bags of embeddings without materialising them (PyTorch's
 * `nn.EmbeddingBag`). Input: 2-D `[B, N]` (fixed-length bags) or 1-D with `offsets`.
 *
 * @example
 * ```ts
 * const bag = new nn.EmbeddingBag(1000, 64, { mode: 'sum' });
 * bag.forward(indices, { offsets }).shape; // [numBags, 64]
 * ```
 */
export class EmbeddingBag extends Module {
  numEmbeddings: number;
  embeddingDim: number;
  maxNorm: number | null;
  normType: number;
  scaleGradByFreq: boolean;
  mode: 'sum' | 'mean' | 'max';
  sparse: boolean;
  includeLastOffset: boolean;
  paddingIdx: number | null;
  weight: Parameter;

  constructor(numEmbeddings: number, embeddingDim: number, options: EmbeddingBagLayerOptions = {}) {
    super();
    assertOptions(options, 'EmbeddingBag', "{ mode: 'sum' }");
    if (!Number.isInteger(numEmbeddings) || numEmbeddings < 0 || !Number.isInteger(embeddingDim) || embeddingDim < 0) {
      throw new ValueError(`EmbeddingBag: numEmbeddings and embeddingDim must be non-negative integers, got ${numEmbeddings} and ${embeddingDim}`);
    }
    const mode = options.mode ?? 'mean';
    if (mode !== 'sum' && mode !== 'mean' && mode !== 'max') throw new ValueError(`EmbeddingBag: mode has to be one of sum, mean or max, got '${String(mode)}'`);
    this.numEmbeddings = numEmbeddings;
    this.embeddingDim = embeddingDim;
    this.maxNorm = options.maxNorm ?? null;
    this.normType = options.normType ?? 2;
    this.scaleGradByFreq = options.scaleGradByFreq ?? false;
    this.mode = mode;
    this.sparse = options.sparse ?? false;
    this.includeLastOffset = options.includeLastOffset ?? false;
    this.paddingIdx = resolvePadding(options.paddingIdx, numEmbeddings, 'EmbeddingBag');
    if (options.weight) {
      const s = options.weight.shape;
      if (s.length !== 2 || s[0] !== numEmbeddings || s[1] !== embeddingDim) {
        throw new ShapeError(`EmbeddingBag: Shape of weight does not match num_embeddings and embedding_dim (expected [${numEmbeddings}, ${embeddingDim}], got [${s.join(', ')}])`);
      }
      this.weight = new Parameter(options.weight);
    } else {
      this.weight = new Parameter(Tensor._owned(tf.zeros([numEmbeddings, embeddingDim])));
      this.resetParameters();
    }
  }

  /** Re-draws the weights from N(0, 1) and zeroes the padding row. */
  resetParameters(): void {
    normal_(this.weight);
    if (this.paddingIdx === null) return;
    const idx = this.paddingIdx;
    const v = tf.tidy(() => {
      const mask = tf.reshape(tf.notEqual(tf.range(0, this.numEmbeddings, 1, 'int32'), idx), [this.numEmbeddings, 1]);
      return tf.keep(tf.where(mask, this.weight._value, tf.zerosLike(this.weight._value)));
    });
    this.weight._replaceValue(v);
  }

  override forward(input: Tensor, options: EmbeddingBagForwardOptions = {}): Tensor {
    checkTensor('EmbeddingBag', input);
    return embeddingBag(input, this.weight, {
      offsets: options.offsets ?? null,
      perSampleWeights: options.perSampleWeights ?? null,
      maxNorm: this.maxNorm,
      normType: this.normType,
      scaleGradByFreq: this.scaleGradByFreq,
      mode: this.mode,
      includeLastOffset: this.includeLastOffset,
      paddingIdx: this.paddingIdx,
    });
  }

  override extraRepr(): string {
    let s = `${this.numEmbeddings}, ${this.embeddingDim}`;
    if (this.maxNorm !== null) s += `, max_norm=${pyFloat(this.maxNorm)}`;
    if (this.normType !== 2) s += `, norm_type=${pyFloat(this.normType)}`;
    if (this.scaleGradByFreq) s += ', scale_grad_by_freq=True';
    s += `, mode=${this.mode}`;
    if (this.paddingIdx !== null) s += `, padding_idx=${this.paddingIdx}`;
    return s;
  }
}
