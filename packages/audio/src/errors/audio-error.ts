import { DLError } from '@dl/core';

/**
 * Reading or writing audio failed: the base of {@link AudioFormatError} and
 * {@link AudioDecodeError}, and what `load`, `info` and `save` throw themselves when the file
 * cannot be read or written (the file-system error is its `cause`). The message starts with the
 * function and the file (or `<buffer>`).
 *
 * @example
 * ```ts
 * try { await load('missing.wav'); }
 * catch (e) { if (e instanceof AudioError) console.error(e.message); }
 * // load: missing.wav: cannot read the file (ENOENT: no such file or directory, open 'missing.wav')
 * ```
 */
export class AudioError extends DLError {}
