import { inspect } from 'node:util';
import { ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { fixtureBytes, pixels, ioFixtures } from '../../test/io/io-fixtures';
import { decodeImageToImage } from '../io/decode-image-to-image';
import { Image, isImage, modeChannels } from './image';

describe('Image', () => {
  it('holds width x height pixels of a mode, HWC', () => {
    const img = new Image(2, 1, 'RGB', Uint8Array.of(255, 0, 0, 0, 0, 255));
    expect([img.width, img.height, img.mode, img.channels]).toEqual([2, 1, 'RGB', 3]);
    expect(img.size).toEqual([2, 1]);
    expect(img.getPixel(1, 0)).toEqual([0, 0, 255]);
    expect(new Image(3, 2, 'L').data).toEqual(new Uint8Array(6));
  });

  it('takes a Uint8ClampedArray as a view (no copy)', () => {
    const data = new Uint8ClampedArray([1, 2, 3, 4]);
    const img = new Image(2, 2, 'L', data);
    expect(img.data).toBeInstanceOf(Uint8Array);
    data[0] = 9;
    expect(img.data[0]).toBe(9);
  });

  it('refuses bad sizes, modes and data', () => {
    expect(() => new Image(-1, 2, 'L')).toThrow(new ValueError('Image: width must be a non-negative integer, got -1'));
    expect(() => new Image(2, 1.5, 'L')).toThrow(new ValueError('Image: height must be a non-negative integer, got 1.5'));
    expect(() => new Image(2, 2, 'P' as 'L')).toThrow(new ValueError(`Image: unknown mode "P" (expected 'L', 'RGB' or 'RGBA')`));
    expect(() => new Image(2, 2, 'RGB', new Uint8Array(11))).toThrow(new ValueError('Image: a 2x2 RGB image has 12 bytes (width * height * 3), got 11'));
    expect(() => new Image(1, 1, 'L', [1] as unknown as Uint8Array)).toThrow(new ValueError('Image: data must be a Uint8Array, got [object Array]'));
  });

  it('Image.new fills with a color, as PIL (alpha 255 for a gray level in RGBA)', () => {
    expect(Array.from(Image.new('RGB', [2, 1], [255, 128, 0]).data)).toEqual([255, 128, 0, 255, 128, 0]);
    expect(Array.from(Image.new('RGBA', [1, 1], 7).data)).toEqual([7, 7, 7, 255]);
    expect(Array.from(Image.new('L', [2, 2]).data)).toEqual([0, 0, 0, 0]);
    expect(() => Image.new('RGB', [1, 1], [1, 2])).toThrow(new ValueError('Image.new: a RGB color has 3 values, got 2'));
  });

  it('getPixel returns a number for L and refuses points outside', () => {
    const img = new Image(2, 2, 'L', Uint8Array.of(1, 2, 3, 4));
    expect(img.getPixel(1, 1)).toBe(4);
    expect(() => img.getPixel(2, 0)).toThrow(new ValueError('Image.getPixel: (2, 0) is outside the 2x2 image'));
    expect(() => img.getPixel(0.5, 0)).toThrow(new ValueError('Image.getPixel: (0.5, 0) is outside the 2x2 image'));
  });

  it('convert() gives the pixels of PIL convert() between L, RGB and RGBA', async () => {
    for (const name of ['png_rgba8.png', 'png_rgb8.png', 'png_gray8.png', 'jpeg_420.jpg']) {
      const fx = ioFixtures[name]!;
      const src = await decodeImageToImage(fixtureBytes(name));
      for (const mode of ['L', 'RGB', 'RGBA'] as const) {
        const converted = src.convert(mode);
        expect(converted.mode).toBe(mode);
        // from RGBA, PIL's RGBA -> L and RGBA -> RGB drop alpha; from L the level is copied
        expect(converted.data, `${name} -> ${mode}`).toEqual(pixels(fx.convert[mode]));
      }
    }
  });

  it('convert() to its own mode and clone() copy the pixels', () => {
    const img = new Image(1, 1, 'L', Uint8Array.of(5));
    for (const copy of [img.clone(), img.convert('L')]) {
      expect(copy.data).toEqual(img.data);
      copy.data[0] = 6;
      expect(img.data[0]).toBe(5);
    }
  });

  it('prints like PIL', () => {
    const img = new Image(1198, 424, 'RGB');
    expect(String(img)).toBe('<Image mode=RGB size=1198x424>');
    expect(inspect(img)).toBe('<Image mode=RGB size=1198x424>');
  });

  it('isImage and modeChannels', () => {
    expect(isImage(new Image(1, 1, 'L'))).toBe(true);
    expect(isImage({ width: 1, height: 1, mode: 'L', data: new Uint8Array(1) })).toBe(false);
    expect([modeChannels('L'), modeChannels('RGB'), modeChannels('RGBA')]).toEqual([1, 3, 4]);
    expect(() => modeChannels('CMYK' as 'L')).toThrow(new ValueError(`Image: unknown mode "CMYK" (expected 'L', 'RGB' or 'RGBA')`));
  });
});
