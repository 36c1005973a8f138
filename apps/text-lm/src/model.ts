import { type Tensor, nn } from '@dl/core';

/** The LSTM's state between batches: `[h, c]`, each `[numLayers, batch, hidden]`. */
export type Hidden = [Tensor, Tensor];

/** Options of {@link WordLanguageModel}. */
export interface WordLanguageModelOptions {
  /** Size of the word vectors. @default 128 */
  embeddingDim?: number;
  /** Size of the LSTM's state. @default 128 */
  hiddenSize?: number;
  /** LSTM layers. @default 2 */
  numLayers?: number;
  /** Dropout on the embeddings, between the layers and before the decoder. @default 0.3 */
  dropout?: number;
  /** Share the embedding matrix with the decoder (needs embeddingDim === hiddenSize). @default true */
  tieWeights?: boolean;
  /** The embedding (and untied decoder) starts from U(-initRange, initRange). @default 0.1 */
  initRange?: number;
}

/**
 * A word-level language model as in PyTorch's `examples/word_language_model` (`RNNModel`):
 * embedding, dropout, a multi-layer LSTM, dropout, and a linear decoder to one score per word,
 * with the decoder's weights tied to the embedding's when `tieWeights` (Press & Wolf 2016,
 * Inan et al. 2016). Input `[seqLen, batch]` word indices; output `[seqLen * batch, vocab]`
 * scores and the final state.
 *
 * @example
 * ```ts
 * const model = new WordLanguageModel(vocabSize);
 * const [scores, hidden] = model.forward(batch.text, null);
 * ```
 */
export class WordLanguageModel extends nn.Module {
  readonly vocabSize: number;
  readonly hiddenSize: number;
  readonly numLayers: number;
  readonly tied: boolean;
  drop: nn.Dropout;
  encoder: nn.Embedding;
  rnn: nn.LSTM;
  decoder: nn.Linear;

  constructor(vocabSize: number, options: WordLanguageModelOptions = {}) {
    super();
    const { embeddingDim = 128, hiddenSize = 128, numLayers = 2, dropout = 0.3, tieWeights = true, initRange = 0.1 } = options;
    if (tieWeights && embeddingDim !== hiddenSize) {
      throw new RangeError(`WordLanguageModel: tied weights need embeddingDim === hiddenSize, got ${embeddingDim} and ${hiddenSize}`);
    }
    this.vocabSize = vocabSize;
    this.hiddenSize = hiddenSize;
    this.numLayers = numLayers;
    this.tied = tieWeights;
    this.drop = new nn.Dropout(dropout);
    this.encoder = new nn.Embedding(vocabSize, embeddingDim);
    this.rnn = new nn.LSTM(embeddingDim, hiddenSize, { numLayers, dropout });
    this.decoder = new nn.Linear(hiddenSize, vocabSize);
    // PyTorch's example: uniform(-0.1, 0.1) for the encoder and decoder, a zero decoder bias.
    nn.init.uniform_(this.encoder.weight, { a: -initRange, b: initRange });
    nn.init.zeros_(this.decoder.bias!);
    if (tieWeights) this.decoder.weight = this.encoder.weight;
    else nn.init.uniform_(this.decoder.weight, { a: -initRange, b: initRange });
  }

  override forward(input: Tensor, hidden: Hidden | null): [Tensor, Hidden] {
    const emb = this.drop.call(this.encoder.call(input)) as Tensor;
    const [output, state] = this.rnn.forward(emb, hidden);
    const scores = this.decoder.call(this.drop.call(output)) as Tensor;
    return [scores.reshape([-1, this.vocabSize]), state];
  }
}
