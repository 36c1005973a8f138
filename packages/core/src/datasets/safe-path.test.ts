import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnsafeArchiveEntryError } from './errors/unsafe-archive-entry-error';
import { checkLinkTarget, entryPath, entrySegments, isInside } from './safe-path';

describe('entrySegments', () => {
  it('resolves . and .. inside the root and refuses names that leave it', () => {
    expect(entrySegments('a/./b/../c')).toEqual(['a', 'c']);
    expect(entrySegments('a\\b')).toEqual(['a', 'b']);
    expect(entrySegments('./')).toEqual([]);
    for (const bad of ['..', '../a', 'a/../../b', '/etc/passwd', '\\\\server\\share', 'C:/x', 'c:x']) {
      expect(entrySegments(bad)).toBeUndefined();
    }
  });
});

describe('entryPath', () => {
  it('joins safe names to the root and throws UnsafeArchiveEntryError otherwise', () => {
    expect(entryPath('op', 'x.tar', '/out', 'a/b.txt')).toBe(join('/out', 'a', 'b.txt'));
    expect(() => entryPath('op', 'x.tar', '/out', 'a\0b')).toThrow(
      new UnsafeArchiveEntryError("op: refused entry 'a\0b' of x.tar: its name holds a NUL byte", { archive: 'x.tar', entry: 'a\0b', reason: 'its name holds a NUL byte' }),
    );
  });
});

describe('checkLinkTarget', () => {
  it('resolves symlinks from their folder and hard links from the root', () => {
    expect(checkLinkTarget('op', 'x', 'a/b/link', '../c', 'symlink')).toEqual(['a', 'c']);
    expect(() => checkLinkTarget('op', 'x', 'link', '../c', 'symlink')).toThrow(UnsafeArchiveEntryError);
    expect(checkLinkTarget('op', 'x', 'a/b/hard', 'a/c', 'hardlink')).toEqual(['a', 'c']);
    expect(() => checkLinkTarget('op', 'x', 'a/b/hard', '../c', 'hardlink')).toThrow(
      "op: refused hardlink 'a/b/hard' -> '../c' in x: its target is outside the folder",
    );
    expect(() => checkLinkTarget('op', 'x', 'l', '', 'symlink')).toThrow("op: refused symlink 'l' -> '' in x: its target is empty or holds a NUL byte");
  });
});

describe('isInside', () => {
  it('accepts the root and paths below it, not siblings with the same prefix', () => {
    expect(isInside('/out', '/out')).toBe(true);
    expect(isInside('/out', '/out/a')).toBe(true);
    expect(isInside('/out', '/outside')).toBe(false);
  });
});
