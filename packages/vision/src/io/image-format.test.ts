import { describe, expect, it } from 'vitest';
import { fixtureBytes, ioFixtures } from '../../test/io/io-fixtures';
import { detectImageFormat } from './image-format';
import { isImageReadMode } from './image-read-mode';

describe('detectImageFormat', () => {
  it.each(Object.entries(ioFixtures).map(([name, fx]) => [name, fx.format] as const))('tells %s is %s by its signature', (name, format) => {
    expect(detectImageFormat(fixtureBytes(name))).toBe(format.toLowerCase());
  });

  it('returns null for other or too few bytes', () => {
    expect(detectImageFormat(new Uint8Array(0))).toBeNull();
    expect(detectImageFormat(Uint8Array.of(0xff, 0xd8))).toBeNull();
    expect(detectImageFormat(new TextEncoder().encode('RIFF0000WAVE'))).toBeNull();
    expect(detectImageFormat(new TextEncoder().encode('GIF90a'))).toBeNull();
  });
});

describe('isImageReadMode', () => {
  it('accepts the ImageReadMode values only', () => {
    expect(['unchanged', 'gray', 'gray_alpha', 'rgb', 'rgb_alpha'].every(isImageReadMode)).toBe(true);
    expect([undefined, 'RGB', 'L', 0].some(isImageReadMode)).toBe(false);
  });
});
