import { DLError } from '../errors/dl-error';

/**
 * A checkpoint cannot be written or read: unsupported values, a corrupt, truncated or
 * malicious file, or sizes that do not match (the message names the file part and both values).
 *
 * @example
 * ```ts
 * try { await load('model.pth'); } catch (e) { if (e instanceof CheckpointError) console.error(e.message); }
 * ```
 */
export class CheckpointError extends DLError {}
