import { ValueError } from '@dl/core';

/**
 * A string given as pretrained vectors is none of the names torchtext's `pretrained_aliases`
 * knows (`'glove.6B.50d'`, `'fasttext.en.300d'`, `'charngram.100d'`, ...), or a GloVe
 * name/dimension pair that Stanford does not publish. A `ValueError`, as in torchtext; the
 * message lists the allowed names.
 *
 * @example
 * ```ts
 * try { await vocab.loadVectors('glove.6B.51d'); }
 * catch (e) { if (e instanceof VectorsAliasError) console.error(e.message); } // ... allowed: charngram.100d, ...
 * ```
 */
export class VectorsAliasError extends ValueError {}
