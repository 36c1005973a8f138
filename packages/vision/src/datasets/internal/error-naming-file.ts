import { DLError } from '@dl/core';
import { ImageError } from '../../errors/image-error';

/**
 * @internal `error` as is when it is one of @dl's typed errors and its message already names
 * `file`; else an {@link ImageError} (the original as its `cause`) whose message names it, so a
 * bad file among thousands can be found and caught by type.
 */
export function errorNamingFile(error: unknown, file: string, op: string): unknown {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof DLError && message.includes(file)) return error;
  return new ImageError(`${op}: cannot read the image ${file}: ${message}`, { cause: error });
}
