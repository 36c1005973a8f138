import { describe, expect, it } from 'vitest';
import { IMG_EXTENSIONS, isImageFile } from './img-extensions';

describe('IMG_EXTENSIONS', () => {
  it("is torchvision 0.14's list, frozen", () => {
    expect(IMG_EXTENSIONS).toEqual(['.jpg', '.jpeg', '.png', '.ppm', '.bmp', '.pgm', '.tif', '.tiff', '.webp']);
    expect(Object.isFrozen(IMG_EXTENSIONS)).toBe(true);
  });
});

describe('isImageFile', () => {
  it('accepts the image extensions in any case and nothing else', () => {
    expect(isImageFile('cat/001.JPG')).toBe(true);
    expect(isImageFile('x.TiFf')).toBe(true);
    expect(isImageFile('x.webp')).toBe(true);
    expect(isImageFile('x.gif')).toBe(false);
    expect(isImageFile('notes.txt')).toBe(false);
  });
});
