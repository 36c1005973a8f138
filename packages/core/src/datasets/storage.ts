import { StorageError } from './errors/storage-error';

const EXPLANATIONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  EEXIST: 'something else already exists there',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

/** True when `error` is a Node system error (it has a string `code` such as `ENOSPC`). */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((error as NodeJS.ErrnoException).code!);
}

/**
 * Turns a file-system failure into a {@link StorageError} that names the operation, what it was
 * doing, the path and the reason; anything that is not a system error is returned unchanged.
 */
export function toStorageError(error: unknown, op: string, action: string, path: string): unknown {
  if (error instanceof StorageError || !isSystemError(error)) return error;
  const why = EXPLANATIONS[error.code] ?? error.message;
  return new StorageError(`${op}: cannot ${action} ${path}: ${why} (${error.code})`, { path, code: error.code, cause: error });
}
