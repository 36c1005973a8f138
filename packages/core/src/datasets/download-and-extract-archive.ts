import { downloadUrl, type DownloadUrlOptions } from './download-url';
import { extractArchive, type ExtractArchiveOptions } from './extract-archive';

/** Options of {@link downloadAndExtractArchive}: those of `downloadUrl` and `extractArchive`. */
export interface DownloadAndExtractOptions extends DownloadUrlOptions, Omit<ExtractArchiveOptions, 'removeFinished'> {
  /** The folder to extract into. @default downloadRoot */
  extractRoot?: string;
  /** Delete the archive once extracted. @default false */
  removeFinished?: boolean;
}

/**
 * Downloads an archive with {@link downloadUrl} and extracts it with {@link extractArchive}, like
 * torchvision's `download_and_extract_archive`; resolves with the extraction folder.
 *
 * @example
 * ```ts
 * await downloadAndExtractArchive('https://example.org/data.tar.gz', '/data/raw', {
 *   extractRoot: '/data', md5: '2a1cd6fd4a8f1f5d1d6e9d1c7b8b3e4f',
 * });
 * ```
 */
export async function downloadAndExtractArchive(
  url: string,
  downloadRoot: string,
  options: DownloadAndExtractOptions = {},
): Promise<string> {
  const { extractRoot, maxBytes, format, removeFinished, ...download } = options;
  const archive = await downloadUrl(url, downloadRoot, download);
  return extractArchive(archive, extractRoot ?? downloadRoot, { maxBytes, format, removeFinished });
}
