import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureBytes, sharpLoads } from '../../test/io/io-fixtures';
import { ImageBackendError } from '../errors/image-backend-error';
import { decodeImage } from './decode-image';
import { getImageBackend, setImageBackend } from './image-backend';
import { resetImageBackend } from './internal/backend-state';
import { setSharpLoader } from './internal/sharp-loader';

afterEach(() => {
  setSharpLoader(undefined);
  resetImageBackend();
  vi.restoreAllMocks();
});

describe('setImageBackend / getImageBackend', () => {
  it.skipIf(!sharpLoads())('defaults to sharp when it loads, and switches to wasm and back', () => {
    expect(getImageBackend()).toBe('sharp');
    setImageBackend('wasm');
    expect(getImageBackend()).toBe('wasm');
    setImageBackend('sharp');
    expect(getImageBackend()).toBe('sharp');
  });

  it('refuses an unknown backend, listing the valid names', () => {
    expect(() => setImageBackend('PIL' as 'wasm')).toThrow(new ImageBackendError(`setImageBackend: unknown image backend "PIL" (expected one of 'sharp', 'wasm')`));
    expect(() => setImageBackend('PIL' as 'wasm')).toThrow(ImageBackendError);
  });

  it('falls back to wasm with one warning when sharp cannot load', async () => {
    setSharpLoader(() => {
      throw new Error('Could not load the "sharp" module using the linux-x64 runtime\nPossible solutions: ...');
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(getImageBackend()).toBe('wasm');
    const a = await decodeImage(fixtureBytes('jpeg_420.jpg'));
    const b = await decodeImage(fixtureBytes('png_rgb8.png'));
    expect([a.shape, b.shape]).toEqual([
      [3, 13, 19],
      [3, 9, 11],
    ]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith('@dl/vision: sharp cannot load (Could not load the "sharp" module using the linux-x64 runtime); decoding images with the wasm backend instead');
  });

  it("refuses 'sharp' when it cannot load", () => {
    setSharpLoader(() => {
      throw new Error('no prebuilt libvips');
    });
    expect(() => setImageBackend('sharp')).toThrow(new ImageBackendError(`setImageBackend: the 'sharp' backend cannot load here (no prebuilt libvips); use 'wasm'`));
    setImageBackend('wasm');
    expect(getImageBackend()).toBe('wasm');
  });
});
