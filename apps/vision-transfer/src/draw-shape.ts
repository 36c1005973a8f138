import type { Generator } from '@dl/core';
import { Image } from '@dl/vision';

/** The classes of the generated data set, in `ImageFolder`'s (sorted) order. */
export const SHAPE_CLASSES = ['circle', 'square', 'stripes', 'triangle'] as const;

/** One of {@link SHAPE_CLASSES}. */
export type ShapeClass = (typeof SHAPE_CLASSES)[number];

type Rgb = [number, number, number];
/** Whether the point (x, y) in pixels is inside the shape. */
type Inside = (x: number, y: number) => boolean;

// The largest tilt of squares and triangles (15 degrees) either way.
const MAX_TILT = Math.PI / 12;
// Sub-pixel samples per axis: 4 x 4 per pixel gives smooth (antialiased) edges.
const SUPER = 4;

const uniform = (g: Generator, lo: number, hi: number) => lo + (hi - lo) * g.nextDouble();

function randomColor(g: Generator): Rgb {
  return [g.nextInt(256), g.nextInt(256), g.nextInt(256)];
}

/** A foreground color at least `minDistance` (RGB Euclidean) away from `bg`, so every shape is visible. */
function contrastingColor(g: Generator, bg: Rgb, minDistance = 120): Rgb {
  for (;;) {
    const c = randomColor(g);
    if (Math.hypot(c[0] - bg[0], c[1] - bg[1], c[2] - bg[2]) >= minDistance) return c;
  }
}

/**
 * Point-in-shape tests. `s` (0.26 to 0.36 of the image) sets the shape's size: a circle of radius
 * s, a square of side 1.8 s, a triangle of circumradius 1.25 s; the sizes overlap across classes,
 * so size alone does not tell them apart. Large shapes (about 0.5 to 0.7 of the image) are
 * learned from random weights within a few minutes; at 0.16 to 0.3, 90 steps reached only 65-70%.
 */
function outline(kind: ShapeClass, g: Generator, size: number): Inside {
  const s = uniform(g, 0.26, 0.36) * size;
  // Stripes run at any angle; squares and triangles stand upright, tilted by up to MAX_TILT.
  const angle = kind === 'stripes' ? uniform(g, 0, Math.PI) : uniform(g, -MAX_TILT, MAX_TILT);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  if (kind === 'stripes') {
    // Parallel bars across the whole image.
    const period = uniform(g, 0.1, 0.22) * size;
    const phase = uniform(g, 0, period);
    return (x, y) => (((x * cos + y * sin + phase) % period) + period) % period < period / 2;
  }
  // Extent of the shape from its center, so it stays inside the image with a small margin.
  const extent = kind === 'circle' ? s : kind === 'square' ? 0.9 * s * Math.SQRT2 : 1.25 * s;
  const margin = 0.04 * size;
  const cx = uniform(g, extent + margin, size - extent - margin);
  const cy = uniform(g, extent + margin, size - extent - margin);
  if (kind === 'circle') return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= s * s;
  if (kind === 'square') {
    const h = 0.9 * s;
    return (x, y) => {
      const dx = x - cx;
      const dy = y - cy;
      return Math.abs(dx * cos + dy * sin) <= h && Math.abs(-dx * sin + dy * cos) <= h;
    };
  }
  // An equilateral triangle (circumradius 1.25 s) pointing up (y grows downwards): inside when on the inner side of all three edges.
  const r = 1.25 * s;
  const apex = angle - Math.PI / 2;
  const v = [0, 1, 2].map((k) => [cx + r * Math.cos(apex + (2 * Math.PI * k) / 3), cy + r * Math.sin(apex + (2 * Math.PI * k) / 3)] as const);
  return (x, y) => {
    for (let k = 0; k < 3; k++) {
      const [ax, ay] = v[k]!;
      const [bx, by] = v[(k + 1) % 3]!;
      if ((bx - ax) * (y - ay) - (by - ay) * (x - ax) < 0) return false;
    }
    return true;
  };
}

/**
 * Draws one `size` x `size` RGB image of `kind`: a circle, an upright square or triangle (random
 * size and position, tilted by up to 15 degrees) or stripes (random angle and period), in a
 * random color on a random background color, antialiased, with light per-pixel noise. Every random choice comes from `g`,
 * so a seeded generator draws the same image again.
 *
 * @example
 * ```ts
 * const img = drawShape('triangle', new Generator(0), 96);
 * await io.writePng(img, 'triangle.png');
 * ```
 */
export function drawShape(kind: ShapeClass, g: Generator, size: number): Image {
  const bg = randomColor(g);
  const fg = contrastingColor(g, bg);
  const inside = outline(kind, g, size);
  const noise = 10;
  const img = Image.new('RGB', [size, size], bg);
  const { data } = img;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let hits = 0;
      for (let sy = 0; sy < SUPER; sy++) for (let sx = 0; sx < SUPER; sx++) if (inside(x + (sx + 0.5) / SUPER, y + (sy + 0.5) / SUPER)) hits++;
      const a = hits / (SUPER * SUPER);
      const o = (y * size + x) * 3;
      for (let c = 0; c < 3; c++) {
        const value = a * fg[c]! + (1 - a) * bg[c]! + uniform(g, -noise, noise);
        data[o + c] = Math.max(0, Math.min(255, Math.round(value)));
      }
    }
  }
  return img;
}
