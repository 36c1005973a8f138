import { join, sep } from 'node:path';
import { UnsafeArchiveEntryError } from './errors/unsafe-archive-entry-error';

/**
 * The segments of an archive entry name after resolving `.` and `..`, or `undefined` when the
 * name is absolute or climbs above the archive root. Backslashes count as separators, as an
 * archive made on Windows means them.
 */
export function entrySegments(name: string): string[] | undefined {
  const unified = name.replace(/\\/g, '/');
  if (unified.startsWith('/') || /^[a-zA-Z]:/.test(unified)) return undefined;
  const out: string[] = [];
  for (const part of unified.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(part);
  }
  return out;
}

/**
 * Where an entry lands under `root`; throws {@link UnsafeArchiveEntryError} for a name that is
 * absolute, climbs out with `..`, or holds a NUL byte.
 */
export function entryPath(op: string, archive: string, root: string, name: string): string {
  const segments = name.includes('\0') ? undefined : entrySegments(name);
  if (segments === undefined) {
    const reason = name.includes('\0') ? 'its name holds a NUL byte' : /^([/\\]|[a-zA-Z]:)/.test(name) ? 'it is an absolute path' : "it climbs out of the folder with '..'";
    throw new UnsafeArchiveEntryError(`${op}: refused entry '${name}' of ${archive}: ${reason}`, { archive, entry: name, reason });
  }
  return segments.length ? join(root, ...segments) : root;
}

/**
 * Checks that a link entry named `name` pointing at `target` stays inside the archive root:
 * symbolic links resolve from the link's folder, hard links from the archive root. Returns the
 * resolved target segments.
 */
export function checkLinkTarget(
  op: string,
  archive: string,
  name: string,
  target: string,
  kind: 'symlink' | 'hardlink',
): string[] {
  const refuse = (reason: string): never => {
    throw new UnsafeArchiveEntryError(`${op}: refused ${kind} '${name}' -> '${target}' in ${archive}: ${reason}`, {
      archive,
      entry: name,
      reason,
    });
  };
  if (!target || target.includes('\0')) refuse('its target is empty or holds a NUL byte');
  if (/^([/\\]|[a-zA-Z]:)/.test(target)) refuse('its target is an absolute path');
  const from = kind === 'symlink' ? (entrySegments(name) ?? []).slice(0, -1).join('/') : '';
  const segments = entrySegments(from ? `${from}/${target}` : target);
  if (segments === undefined) refuse('its target is outside the folder');
  return segments!;
}

/** True when `path` is `root` or inside it (both real, absolute paths). */
export function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}
