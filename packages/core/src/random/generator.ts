import { ValueError } from '../errors/value-error';

const N = 624;
const M = 397;

/** The serializable state of a `Generator` (its Mersenne Twister words and position). */
export interface GeneratorState {
  seed: number;
  mt: number[];
  mti: number;
  nextNormal: number | null;
}

/**
 * A seeded random number generator: the 32-bit Mersenne Twister PyTorch's CPU generator uses,
 * with PyTorch's conversions, so `rand`, `randint`, `randperm` and uniform initialisation give
 * PyTorch's numbers for the same seed.
 *
 * @example
 * ```ts
 * const g = new dl.Generator().manualSeed(0);
 * dl.rand([3], { generator: g }).tolist(); // [0.4963, 0.7682, 0.0885], as torch.rand after manual_seed(0)
 * ```
 */
export class Generator {
  private mt = new Uint32Array(N);
  private mti = N + 1;
  private seedValue = 0;
  private cachedNormal: number | null = null;

  constructor(seed?: number) {
    this.manualSeed(seed ?? Generator.entropySeed());
  }

  /** @internal A seed from the clock and Math.random, for unseeded generators. */
  static entropySeed(): number {
    return (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) >>> 0;
  }

  /** Re-seeds the generator; returns it. Seeds are taken modulo 2^32. */
  manualSeed(seed: number | bigint): this {
    let s: number;
    if (typeof seed === 'bigint') s = Number(BigInt.asUintN(32, seed));
    else {
      if (!Number.isFinite(seed) || !Number.isInteger(seed)) throw new ValueError(`manualSeed: seed must be an integer, got ${seed}`);
      s = Number(BigInt.asUintN(32, BigInt(seed)));
    }
    this.seedValue = s;
    this.mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = this.mt[i - 1] ^ (this.mt[i - 1] >>> 30);
      // 1812433253 * prev + i, in 32-bit arithmetic
      this.mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.mti = N;
    this.cachedNormal = null;
    return this;
  }

  /** The seed the generator was last seeded with. */
  initialSeed(): number {
    return this.seedValue;
  }

  /** Seeds from entropy and returns the new seed. */
  seed(): number {
    const s = Generator.entropySeed();
    this.manualSeed(s);
    return s;
  }

  /** A copy of the state, for checkpoints. */
  getState(): GeneratorState {
    return { seed: this.seedValue, mt: Array.from(this.mt), mti: this.mti, nextNormal: this.cachedNormal };
  }

  /** Restores a state from `getState()`. */
  setState(state: GeneratorState): this {
    if (!state || !Array.isArray(state.mt) || state.mt.length !== N) throw new ValueError('Generator.setState: not a generator state');
    this.mt = Uint32Array.from(state.mt);
    this.mti = state.mti;
    this.seedValue = state.seed;
    this.cachedNormal = state.nextNormal ?? null;
    return this;
  }

  private twist(): void {
    const mt = this.mt;
    for (let k = 0; k < N; k++) {
      const y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
      mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
    }
    this.mti = 0;
  }

  /** The next raw 32-bit output. */
  nextUint32(): number {
    if (this.mti >= N) this.twist();
    let y = this.mt[this.mti++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** A float in [0, 1) with 24 random bits (PyTorch's float32 uniform). */
  nextFloat(): number {
    return (this.nextUint32() & 0xffffff) * 2 ** -24;
  }

  /** A double in [0, 1) with 53 random bits (PyTorch's float64 uniform). */
  nextDouble(): number {
    const hi = this.nextUint32();
    const lo = this.nextUint32();
    // random64() = (hi << 32) | lo, masked to 53 bits
    const v = (hi & 0x1fffff) * 4294967296 + lo;
    return v * 1.1102230246251565e-16;
  }

  /** An integer in [0, n) the way PyTorch draws one (`random() % n`). */
  nextInt(n: number): number {
    if (n <= 0x100000000) return this.nextUint32() % n;
    const hi = this.nextUint32();
    const lo = this.nextUint32();
    return Number((BigInt(hi) * 4294967296n + BigInt(lo)) % BigInt(n));
  }

  /** A standard normal sample (Box-Muller on doubles, one value cached, like PyTorch's scalar path). */
  nextNormal(): number {
    if (this.cachedNormal !== null) {
      const v = this.cachedNormal;
      this.cachedNormal = null;
      return v;
    }
    const u1 = this.nextDouble();
    const u2 = this.nextDouble();
    const r = Math.sqrt(-2 * Math.log1p(-u2));
    const theta = 2 * Math.PI * u1;
    this.cachedNormal = r * Math.sin(theta);
    return r * Math.cos(theta);
  }

  /** Fills `out` with uniform floats in [low, high). */
  fillUniform(out: Float32Array, low = 0, high = 1): Float32Array {
    const span = high - low;
    for (let i = 0; i < out.length; i++) out[i] = this.nextFloat() * span + low;
    return out;
  }

  /**
   * Fills `out` with normal samples. Sizes of 16 or more use PyTorch's block Box-Muller over
   * float uniforms (as `torch.randn` does); smaller ones the scalar path.
   */
  fillNormal(out: Float32Array, mean = 0, std = 1): Float32Array {
    const n = out.length;
    if (n < 16) {
      for (let i = 0; i < n; i++) out[i] = this.nextNormal() * std + mean;
      return out;
    }
    for (let i = 0; i < n; i++) out[i] = this.nextFloat();
    const block = (start: number) => {
      for (let j = 0; j < 8; j++) {
        const u1 = 1 - out[start + j];
        const u2 = out[start + j + 8];
        const radius = Math.sqrt(-2 * Math.log(u1));
        const theta = 2 * Math.PI * u2;
        out[start + j] = radius * Math.cos(theta) * std + mean;
        out[start + j + 8] = radius * Math.sin(theta) * std + mean;
      }
    };
    for (let i = 0; i + 16 <= n; i += 16) block(i);
    if (n % 16 !== 0) {
      const start = n - 16;
      for (let i = start; i < n; i++) out[i] = this.nextFloat();
      block(start);
    }
    return out;
  }
}

/** The generator random ops use when none is passed. */
export const defaultGenerator = new Generator();

/**
 * Seeds the default generator so every random op, initialisation and shuffle repeats run to run
 * (PyTorch's `torch.manual_seed`).
 *
 * @example
 * ```ts
 * dl.manualSeed(0);
 * dl.rand([2]).tolist(); // [0.4963, 0.7682]
 * ```
 */
export function manualSeed(seed: number | bigint): Generator {
  return defaultGenerator.manualSeed(seed);
}

/** The seed of the default generator (PyTorch's `torch.initial_seed`). */
export function initialSeed(): number {
  return defaultGenerator.initialSeed();
}
