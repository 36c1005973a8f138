import { createHash } from 'node:crypto';
import type { DatasetResource } from '@dl/core/node';
import type { TestServer } from '@dl/core/testing';

/** The MD5 hex digest of some bytes. */
export function md5(bytes: Uint8Array | string): string {
  return createHash('md5').update(bytes).digest('hex');
}

/**
 * The resources of a real dataset moved to the local test server: each file is served from
 * `/<prefix>/<filename>` with the given bytes and gets their MD5; `extract` and `filename` stay
 * as the real resource has them. Files absent from `files` are left unserved (404).
 */
export function localResources(
  server: TestServer,
  real: readonly DatasetResource[],
  files: Record<string, Uint8Array>,
  options: { prefix?: string; md5?: Record<string, string> } = {},
): DatasetResource[] {
  const prefix = options.prefix ?? 'files';
  return real.map((resource) => {
    const name = resource.filename ?? decodeURIComponent(new URL(resource.url).pathname.split('/').pop()!);
    const body = files[name];
    const path = `/${prefix}/${name}`;
    if (body) server.route(path, { body });
    const local: DatasetResource = { url: server.url(path), md5: options.md5?.[name] ?? (body ? md5(body) : resource.md5) };
    if (resource.filename) local.filename = resource.filename;
    if (resource.extract) local.extract = true;
    return local;
  });
}
