/**
 * Deepest nesting of lists/dicts a checkpoint may have (read or written). Python's pickler
 * cannot write deeper structures under its default recursion limit, so deeper input is crafted.
 */
export const MAX_NESTING = 1000;

/** Largest safetensors JSON header accepted (the limit of the reference implementation). */
export const MAX_SAFETENSORS_HEADER = 100_000_000;
