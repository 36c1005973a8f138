import { describe, expect, it } from 'vitest';
import { torchExpF32, torchSumF32 } from './color-torch-float';

describe('torchExpF32', () => {
  it("gives PyTorch's float32 exp (Sleef), not the correctly rounded value", () => {
    // torch.exp(torch.tensor(-30.25)) = 7.28772376e-14; the correctly rounded float32 is 7.28772443e-14.
    expect(torchExpF32(-30.25)).toBe(Math.fround(7.28772376e-14));
    expect(torchExpF32(Math.fround(-7.5))).toBe(Math.fround(0.000553084363));
    expect(torchExpF32(3)).toBe(Math.fround(20.085537));
    expect(torchExpF32(0)).toBe(1);
    expect(torchExpF32(-200)).toBe(0);
    expect(torchExpF32(101)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('torchSumF32', () => {
  it("adds in PyTorch's vectorized cascade order", () => {
    const x = Float32Array.from([...Array<number>(10).fill(0.1), ...Array<number>(7).fill(1e-3), 3.3]);
    // torch.sum gives 4.30699968; a left-to-right float32 sum gives 4.30700016.
    expect(torchSumF32(x)).toBe(Math.fround(4.30699968));
    expect(torchSumF32(Float32Array.of(1, 2, 3))).toBe(6);
    expect(torchSumF32(new Float32Array(0))).toBe(0);
  });
});
