import { DatasetError } from '@dl/core/node';

/** @internal The error for a file that is not a well-formed LMDB database: it names the file and what is wrong. */
export function lmdbInvalid(file: string, why: string): DatasetError {
  return new DatasetError(`${file}: not a valid LMDB database: ${why}`);
}
