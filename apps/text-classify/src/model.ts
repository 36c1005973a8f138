import { type Tensor, nn } from '@dl/core';

/** Options of {@link QuestionClassifier}. */
export interface QuestionClassifierOptions {
  /** Size of the word vectors (the vectors' own size when `vectors` is given). @default 64 */
  embeddingDim?: number;
  /** Index of the padding token, left out of each question's mean. @default null */
  paddingIdx?: number | null;
  /** Initial word vectors, `[vocabSize, embeddingDim]` (GloVe rows from `field.vocab.vectors`). */
  vectors?: Tensor | null;
}

/**
 * A fastText-style classifier (Joulin et al. 2016, "Bag of Tricks for Efficient Text
 * Classification"): the mean of the question's word (and bigram) vectors, from
 * `nn.EmbeddingBag({ mode: 'mean' })` with the padding left out, then one linear layer to the
 * class scores. Input `[seqLen, batch]` token indices (a torchtext Field's default layout);
 * output `[batch, numClasses]`.
 *
 * @example
 * ```ts
 * const model = new QuestionClassifier(TEXT.vocab.length, LABEL.vocab.length, { paddingIdx: TEXT.vocab.stoi.get('<pad>') });
 * const scores = model.call(batch.text);
 * ```
 */
export class QuestionClassifier extends nn.Module {
  embedding: nn.EmbeddingBag;
  fc: nn.Linear;

  constructor(vocabSize: number, numClasses: number, options: QuestionClassifierOptions = {}) {
    super();
    const vectors = options.vectors ?? null;
    const dim = vectors ? vectors.shape[1] : (options.embeddingDim ?? 64);
    if (vectors && vectors.shape[0] !== vocabSize) {
      throw new RangeError(`QuestionClassifier: vectors has ${vectors.shape[0]} rows, the vocabulary ${vocabSize} words`);
    }
    this.embedding = new nn.EmbeddingBag(vocabSize, dim, { mode: 'mean', paddingIdx: options.paddingIdx ?? null, ...(vectors ? { weight: vectors.clone() } : {}) });
    if (!vectors) nn.init.uniform_(this.embedding.weight, { a: -0.5, b: 0.5 });
    this.fc = new nn.Linear(dim, numClasses);
  }

  override forward(text: Tensor): Tensor {
    // EmbeddingBag reads one bag per row: [batch, seqLen].
    return this.fc.call(this.embedding.call(text.t())) as Tensor;
  }
}
