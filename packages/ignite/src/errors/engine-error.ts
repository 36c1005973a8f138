import { DLError } from '@dl/core';

/**
 * An Engine was used in a way its current state does not allow (running it twice at once,
 * resuming with a different epoch length, ...).
 *
 * @example
 * ```ts
 * try { await engine.run(data, { epochLength: 5 }); } catch (e) { if (e instanceof EngineError) console.log(e.message); }
 * ```
 */
export class EngineError extends DLError {}
