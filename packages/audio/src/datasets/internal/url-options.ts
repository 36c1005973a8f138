import { ValueError } from '@dl/core';

/** @internal The file name at the end of a URL's path (torchaudio's `os.path.basename(url)`), or a ValueError. */
export function urlBasename(who: string, url: string): string {
  const parsed = httpUrl(url);
  if (!parsed) throw new ValueError(`${who}: url must be an http(s) URL, got '${url}'`);
  const name = decodeURIComponent(parsed.pathname.slice(parsed.pathname.lastIndexOf('/') + 1));
  if (!name) throw new ValueError(`${who}: url must end with the archive's file name, got '${url}'`);
  return name;
}

/** @internal A checked `checksum` option: a SHA-256 hex digest (lowercased), or undefined. */
export function sha256Option(who: string, checksum: unknown): string | undefined {
  if (checksum === undefined) return undefined;
  if (typeof checksum !== 'string' || !/^[0-9a-fA-F]{64}$/.test(checksum)) {
    throw new ValueError(`${who}: checksum must be a SHA-256 hex digest (64 hex digits), got ${typeof checksum === 'string' ? `'${checksum}'` : typeof checksum}`);
  }
  return checksum.toLowerCase();
}

/** @internal A checked string option (a folder name, an extension): a string, or a ValueError. */
export function stringOption(who: string, name: string, value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string') throw new ValueError(`${who}: ${name} must be a string, got ${typeof value}`);
  return value;
}

/** @internal A base URL that ends with '/', so a file name can be appended. */
export function baseUrlOption(who: string, value: unknown, fallback: string): string {
  const base = stringOption(who, 'baseUrl', value, fallback);
  if (!httpUrl(base)) throw new ValueError(`${who}: baseUrl must be an http(s) URL, got '${base}'`);
  return base.endsWith('/') ? base : `${base}/`;
}

/** @internal A choice among fixed values, or a ValueError listing them. */
export function choiceOption<C extends string>(who: string, name: string, value: unknown, choices: readonly C[], fallback: C): C {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw new ValueError(`${who}: ${name} must be one of ${choices.map((c) => `'${c}'`).join(', ')}, got ${typeof value === 'string' ? `'${value}'` : String(value)}`);
  }
  return value as C;
}

function httpUrl(text: string): URL | undefined {
  if (typeof text !== 'string' || !URL.canParse(text)) return undefined;
  const url = new URL(text);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
}
