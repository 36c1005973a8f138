import { tf } from '../../backend/tfjs';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import { embedding } from '../../ops/functional/embedding';
import { Tensor } from '../../tensor/tensor';
import { normal_ } from '../init/normal';
import { Module } from '../module';
import { Parameter } from '../parameter';
import { checkTensor, resolvePadding } from './check-input';
import { pyFloat } from './repr';
import { assertOptions } from '../../ops/arg-checks';

/** Options of `Embedding`. */
export interface EmbeddingLayerOptions {
  /** This row gets no gradient and starts at zero (negative counts from the end). @default null */
  paddingIdx?: number | null;
  /** Looked-up rows with a larger norm are renormalised in place to this norm. @default null */
  maxNorm?: number | null;
  /** The p of the p-norm for `maxNorm`. @default 2 */
  normType?: number;
  /** Scale gradients by the inverse frequency of the indices in the batch. @default false */
  scaleGradByFreq?: boolean;
  /** Accepted for PyTorch compatibility; gradients are dense. @default false */
  sparse?: boolean;
  /** Initial weights of shape [numEmbeddings, embeddingDim] instead of N(0, 1). */
  weight?: Tensor;
}

/**
 * A lookup table of `numEmbeddings` vectors of size `embeddingDim` (PyTorch's `nn.Embedding`),
 * initialised from N(0, 1) with the padding row zeroed. Input: integer indices of any shape;
 * output: their vectors, shape `[...input, embeddingDim]`.
 *
 * @example
 * ```ts
 * const emb = new nn.Embedding(10000, 128, { paddingIdx: 0 });
 * emb.forward(dl.tensor([[1, 2, 0]], { dtype: 'int64' })).shape; // [1, 3, 128]
 * ```
 */
export class Embedding extends Module {
  numEmbeddings: number;
  embeddingDim: number;
  paddingIdx: number | null;
  maxNorm: number | null;
  normType: number;
  scaleGradByFreq: boolean;
  sparse: boolean;
  weight: Parameter;

  constructor(numEmbeddings: number, embeddingDim: number, options: EmbeddingLayerOptions = {}) {
    super();
    assertOptions(options, 'Embedding', '{ paddingIdx: 0 }');
    if (!Number.isInteger(numEmbeddings) || numEmbeddings < 0 || !Number.isInteger(embeddingDim) || embeddingDim < 0) {
      throw new ValueError(`Embedding: numEmbeddings and embeddingDim must be non-negative integers, got ${numEmbeddings} and ${embeddingDim}`);
    }
    this.numEmbeddings = numEmbeddings;
    this.embeddingDim = embeddingDim;
    this.paddingIdx = resolvePadding(options.paddingIdx, numEmbeddings, 'Embedding');
    this.maxNorm = options.maxNorm ?? null;
    this.normType = options.normType ?? 2;
    this.scaleGradByFreq = options.scaleGradByFreq ?? false;
    this.sparse = options.sparse ?? false;
    if (options.weight) {
      const s = options.weight.shape;
      if (s.length !== 2 || s[0] !== numEmbeddings || s[1] !== embeddingDim) {
        throw new ShapeError(`Embedding: Shape of weight does not match num_embeddings and embedding_dim (expected [${numEmbeddings}, ${embeddingDim}], got [${s.join(', ')}])`);
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
    this.fillPaddingIdxWithZero();
  }

  private fillPaddingIdxWithZero(): void {
    if (this.paddingIdx === null) return;
    const idx = this.paddingIdx;
    const v = tf.tidy(() => {
      const mask = tf.reshape(tf.notEqual(tf.range(0, this.numEmbeddings, 1, 'int32'), idx), [this.numEmbeddings, 1]);
      return tf.keep(tf.where(mask, this.weight._value, tf.zerosLike(this.weight._value)));
    });
    this.weight._replaceValue(v);
  }

  /**
   * An Embedding holding `embeddings` (PyTorch's `Embedding.from_pretrained`), frozen unless
   * `freeze` is false.
   *
   * @example
   * ```ts
   * const emb = nn.Embedding.fromPretrained(glove, { freeze: true });
   * ```
   */
  static fromPretrained(embeddings: Tensor, options: Omit<EmbeddingLayerOptions, 'weight'> & { freeze?: boolean } = {}): Embedding {
    checkTensor('Embedding.fromPretrained', embeddings, 'embeddings');
    if (embeddings.dim() !== 2) throw new ShapeError(`Embedding.fromPretrained: Embeddings parameter is expected to be 2-dimensional, got shape [${embeddings.shape.join(', ')}]`);
    const [rows, cols] = embeddings.shape;
    const emb = new Embedding(rows, cols, { ...options, weight: embeddings });
    emb.weight.requiresGrad_(!(options.freeze ?? true));
    return emb;
  }

  override forward(input: Tensor): Tensor {
    checkTensor('Embedding', input);
    return embedding(input, this.weight, { paddingIdx: this.paddingIdx, maxNorm: this.maxNorm, normType: this.normType, scaleGradByFreq: this.scaleGradByFreq });
  }

  override extraRepr(): string {
    let s = `${this.numEmbeddings}, ${this.embeddingDim}`;
    if (this.paddingIdx !== null) s += `, padding_idx=${this.paddingIdx}`;
    if (this.maxNorm !== null) s += `, max_norm=${pyFloat(this.maxNorm)}`;
    if (this.normType !== 2) s += `, norm_type=${pyFloat(this.normType)}`;
    if (this.scaleGradByFreq) s += ', scale_grad_by_freq=True';
    if (this.sparse) s += ', sparse=True';
    return s;
  }
}
