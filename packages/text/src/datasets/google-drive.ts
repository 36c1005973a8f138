import { join, resolve } from 'node:path';
import { checkIntegrity, DownloadError, type DownloadUrlOptions, downloadUrl } from '@dl/core/node';

const OP = 'downloadFromGoogleDrive';

/** Options of {@link downloadFromGoogleDrive}: those of `downloadUrl`, with the file name required. */
export interface GoogleDriveDownloadOptions extends DownloadUrlOptions {
  /** The file's name in `root` (Google Drive URLs carry none). */
  filename: string;
}

/**
 * Downloads a Google Drive file (`https://drive.google.com/uc?export=download&id=...`) into
 * `root`, as torchtext's `download_from_url` did for WMT14: a large file first answers with a
 * "virus scan warning" page instead of the file, so the page is read and the download goes on
 * through its confirmation (the page's download form, a `confirm=` link, or the older
 * `download_warning` cookie); then {@link downloadUrl} fetches it with its checksum, progress
 * and resume. A file already in `root` that matches the checksum is kept without a request.
 * Throws `DownloadError` when Google answers an error status or a page without a way on (a
 * quota page).
 *
 * The first request goes through Node's `fetch`, so `ca` applies only to the download itself.
 *
 * @example
 * ```ts
 * await downloadFromGoogleDrive('https://drive.google.com/uc?export=download&id=0B_bZck-ksdkpM25jRUN2X2UxMm8', '.data/wmt14', {
 *   filename: 'wmt16_en_de.tar.gz', md5: '874ab6bbfe9c21ec987ed1b9347f95ec',
 * });
 * ```
 */
export async function downloadFromGoogleDrive(url: string, root: string, options: GoogleDriveDownloadOptions): Promise<string> {
  const path = join(resolve(root), options.filename);
  if (await checkIntegrity(path, { md5: options.md5, sha256: options.sha256 })) return path;
  const confirmed = await confirmedUrl(url, options);
  const headers = confirmed.cookie ? { ...options.headers, cookie: confirmed.cookie } : options.headers;
  return downloadUrl(confirmed.url, root, { ...options, headers });
}

/**
 * The URL that serves the file itself — `url`, or the one Google's warning page leads on to —
 * and the cookies the page set (the older flow checks them with the confirmation).
 */
async function confirmedUrl(url: string, options: GoogleDriveDownloadOptions): Promise<{ url: string; cookie?: string }> {
  let response: Response;
  try {
    response = await fetch(url, {
      redirect: 'follow',
      headers: { 'user-agent': '@dl/text', ...(options.headers ?? {}) },
      signal: options.signal ?? AbortSignal.timeout(options.timeout ?? 30_000),
    });
  } catch (error) {
    throw new DownloadError(`${OP}: cannot reach ${url}: ${(error as Error).message}`, { url, cause: error });
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new DownloadError(`${OP}: ${url} answered ${response.status} ${response.statusText}`, { url, status: response.status });
  }
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('text/html')) {
    // The file itself (a small one is served at once): fetch it again through downloadUrl.
    await response.body?.cancel();
    return { url: response.url || url };
  }
  const page = await response.text();
  const next = confirmationFromPage(page, response.url || url) ?? confirmationFromCookie(response.headers, url);
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
  if (next !== undefined) return cookies.length ? { url: next, cookie: cookies.join('; ') } : { url: next };
  const quota = /quota exceeded|too many users have viewed or downloaded/i.test(page);
  throw new DownloadError(
    `${OP}: ${url} answered an HTML page instead of the file${quota ? ' (Google Drive download quota exceeded; try later)' : ', and the page holds no download confirmation'}`,
    { url, status: response.status },
  );
}

/** The download form's action with its hidden inputs, or a `confirm=` link, from a warning page. */
function confirmationFromPage(page: string, base: string): string | undefined {
  const form = /<form[^>]*id="download-form"[^>]*>([\s\S]*?)<\/form>/i.exec(page);
  if (form) {
    const action = /action="([^"]*)"/i.exec(form[0])?.[1];
    if (action) {
      const target = new URL(unescapeHtml(action), base);
      for (const input of form[1].matchAll(/<input[^>]*type="hidden"[^>]*>/gi)) {
        const name = /name="([^"]*)"/i.exec(input[0])?.[1];
        const value = /value="([^"]*)"/i.exec(input[0])?.[1];
        if (name !== undefined) target.searchParams.set(unescapeHtml(name), unescapeHtml(value ?? ''));
      }
      return target.href;
    }
  }
  const link = /href="([^"]*confirm=[0-9A-Za-z_-]+[^"]*)"/i.exec(page)?.[1];
  return link === undefined ? undefined : new URL(unescapeHtml(link), base).href;
}

/** The older flow: a `download_warning_*` cookie whose value is the confirmation token. */
function confirmationFromCookie(headers: Headers, url: string): string | undefined {
  for (const cookie of headers.getSetCookie()) {
    const m = /^download_warning[^=]*=([^;]+)/.exec(cookie);
    if (m) {
      const target = new URL(url);
      target.searchParams.set('confirm', m[1]);
      return target.href;
    }
  }
  return undefined;
}

function unescapeHtml(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}
