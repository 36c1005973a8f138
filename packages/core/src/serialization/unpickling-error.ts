import { CheckpointError } from './checkpoint-error';

/**
 * A pickle (inside a PyTorch checkpoint) uses something the restricted unpickler refuses: a
 * global that is not a tensor, dict, list or primitive builder (`os.system`, `builtins.eval`,
 * ...), an unknown opcode, or a malformed stream. Nothing in the file is ever executed.
 *
 * @example
 * ```ts
 * try { await load('untrusted.pt'); } catch (e) { if (e instanceof UnpicklingError) console.error(e.global, e.message); }
 * ```
 */
export class UnpicklingError extends CheckpointError {
  /** The refused global as `module.name` (e.g. `'os.system'`), when a global caused the error. */
  readonly global: string | undefined;

  constructor(message: string, options: { global?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.global = options.global;
  }
}
