/**
 * Base class of every error @dl/core throws on purpose, so callers can tell them from bugs.
 *
 * @example
 * ```ts
 * try { dl.zeros([2, 3]).matmul(dl.zeros([2, 3])); } catch (e) { if (e instanceof DLError) console.log(e.message); }
 * ```
 */
export class DLError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
