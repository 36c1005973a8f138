import { DatasetError } from '@dl/core/node';

/**
 * @internal What LSUN uses of the `lmdb` package (an optional peer dependency): typed here rather
 * than as `typeof import('lmdb')`, so the published declarations do not need it installed.
 */
export interface LmdbModule {
  open(path: string, options: object): unknown;
  version?: { major: number; minor: number; patch: number };
}

/**
 * @internal Imports the optional `lmdb` package (with `load`, which tests replace), or throws a
 * {@link DatasetError} saying how to install it when it is missing.
 */
export async function importLmdb(op: string, load: () => Promise<unknown> = () => import('lmdb')): Promise<LmdbModule> {
  try {
    return (await load()) as LmdbModule;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || /Cannot find (package|module) 'lmdb'/.test(String(error))) {
      throw new DatasetError(`${op}: reading an LMDB database in data format 2 (written by lmdb-js) needs the optional package lmdb, which is not installed: npm install lmdb`, {
        cause: error,
      });
    }
    throw error;
  }
}
