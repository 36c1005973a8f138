import { ImageError } from '../../errors/image-error';

/**
 * @internal `error` as is when its message already names `file`; else an {@link ImageError}
 * (the original as its `cause`) whose message does, so a bad file among thousands can be found.
 */
export function errorNamingFile(error: unknown, file: string, op: string): unknown {
  const message = error instanceof Error ? error.message : String(error);
  if (message.includes(file)) return error;
  return new ImageError(`${op}: cannot read the image ${file}: ${message}`, { cause: error });
}
