import { DatasetError } from '@dl/core/node';
import { describe, expect, it } from 'vitest';
import { importLmdb } from './import-lmdb';

describe('importLmdb', () => {
  it('imports the lmdb package', async () => {
    expect(typeof (await importLmdb('LSUN')).open).toBe('function');
  });

  it('says how to install lmdb when the optional package is missing', async () => {
    const missing = () => Promise.reject(Object.assign(new Error("Cannot find package 'lmdb' imported from lsun-class.js"), { code: 'ERR_MODULE_NOT_FOUND' }));
    await expect(importLmdb('LSUNClass', missing)).rejects.toThrow(
      new DatasetError("LSUNClass: reading an LMDB database in data format 2 (written by lmdb-js) needs the optional package lmdb, which is not installed: npm install lmdb"),
    );
  });

  it('lets other failures through', async () => {
    const broken = () => Promise.reject(new TypeError('native addon failed to load'));
    await expect(importLmdb('LSUN', broken)).rejects.toThrow(new TypeError('native addon failed to load'));
  });
});
