import { basename, dirname } from 'node:path';
import { downloadUrl, extractArchive, type DatasetDownloadOptions } from '@dl/core/node';

/** @internal What {@link fetchArchive} downloads and where it puts it. */
export interface ArchiveFetch {
  /** Where the archive is downloaded from. */
  url: string;
  /** The archive's path (its folder is created when missing). */
  archive: string;
  /** The folder the archive is extracted into. */
  extractTo: string;
  /** The archive's SHA-256, checked before extraction (no check when undefined). */
  sha256: string | undefined;
  /** Progress, retries, timeout, headers, ... of the download. */
  downloadOptions: DatasetDownloadOptions;
}

/**
 * @internal torchaudio's download step: fetch the archive unless it is already there (a copy is
 * kept only when it matches the checksum; a mismatching one is fetched again), verify it, and
 * extract it. Typed errors come from @dl/core: DownloadError, ChecksumError, ArchiveError, ...
 */
export async function fetchArchive(job: ArchiveFetch): Promise<void> {
  await downloadUrl(job.url, dirname(job.archive), { ...job.downloadOptions, filename: basename(job.archive), sha256: job.sha256 });
  await extractArchive(job.archive, job.extractTo);
}
