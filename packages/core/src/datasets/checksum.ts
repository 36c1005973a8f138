import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { ValueError } from '../errors/value-error';
import type { ChecksumAlgorithm } from './errors/checksum-error';

const HEX_LENGTH: Record<ChecksumAlgorithm, number> = { md5: 32, sha256: 64 };

/**
 * The hex digest of a file, read as a stream (any size).
 *
 * @example
 * ```ts
 * const digest = await fileChecksum('train.tar.gz', 'sha256');
 * ```
 */
export async function fileChecksum(path: string, algorithm: ChecksumAlgorithm): Promise<string> {
  const hash = createHash(algorithm);
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The expected digest of a download: at most one of `md5` and `sha256`. */
export interface ExpectedChecksum {
  /** Expected MD5 hex digest. */
  md5?: string;
  /** Expected SHA-256 hex digest. */
  sha256?: string;
}

/**
 * Validates and normalizes an expected checksum (lowercase hex of the right length), or returns
 * `undefined` when none is given.
 */
export function expectedChecksum(
  op: string,
  options: ExpectedChecksum,
): { algorithm: ChecksumAlgorithm; digest: string } | undefined {
  if (options.md5 !== undefined && options.sha256 !== undefined) {
    throw new ValueError(`${op}: give md5 or sha256, not both`);
  }
  const algorithm: ChecksumAlgorithm | undefined =
    options.md5 !== undefined ? 'md5' : options.sha256 !== undefined ? 'sha256' : undefined;
  if (algorithm === undefined) return undefined;
  const digest = String(options[algorithm]).toLowerCase();
  if (!new RegExp(`^[0-9a-f]{${HEX_LENGTH[algorithm]}}$`).test(digest)) {
    throw new ValueError(
      `${op}: ${algorithm} must be ${HEX_LENGTH[algorithm]} hex digits, got '${String(options[algorithm])}'`,
    );
  }
  return { algorithm, digest };
}

/**
 * True when `path` exists and, if a digest is given, matches it (torchvision's `check_integrity`).
 *
 * @example
 * ```ts
 * if (!(await checkIntegrity(file, { md5 }))) await downloadUrl(url, root, { md5 });
 * ```
 */
export async function checkIntegrity(path: string, expected: ExpectedChecksum = {}): Promise<boolean> {
  const want = expectedChecksum('checkIntegrity', expected);
  try {
    if (want === undefined) return (await stat(path)).isFile();
    return (await fileChecksum(path, want.algorithm)) === want.digest;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
