import { DLError } from '@dl/core';

/**
 * A {@link Vocab} cannot do what was asked: a token is missing and the vocabulary has no `'<unk>'`
 * to fall back on, vectors were given in a form the constructor cannot use synchronously, or a
 * saved state is malformed. The message names the vocabulary operation, what was expected and
 * what was found.
 *
 * @example
 * ```ts
 * const vocab = new Vocab(new Map([['a', 1]]), { specials: ['<pad>'] });
 * try { vocab.lookup('zzz'); }
 * catch (e) { if (e instanceof VocabError) console.error(e.message); } // Vocab.lookup: 'zzz' is not in ...
 * ```
 */
export class VocabError extends DLError {}
