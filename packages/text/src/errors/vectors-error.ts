import { DLError } from '@dl/core';

/**
 * Base class of the errors pretrained word vectors throw ({@link VectorsFormatError},
 * {@link VectorsCacheError}, {@link VectorsNotFoundError}); also thrown on its own when vectors
 * are used before `await vectors.load()`.
 *
 * @example
 * ```ts
 * try { await new GloVe({ name: '6B', dim: 50 }).load(); }
 * catch (e) { if (e instanceof VectorsError) console.error(e.message); }
 * ```
 */
export class VectorsError extends DLError {}
