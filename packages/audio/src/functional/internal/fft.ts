import { kissFft } from './kissfft';
import { pffft, pffftSupports } from './pffft';

// One scratch block in the wasm heap, grown on demand and reused by every transform, so a
// spectrogram costs one copy in and one copy out however many frames it has.
let scratchPtr = 0;
let scratchBytes = 0;
const plans = new Map<string, number>();

function scratch(bytes: number): number {
  const k = kissFft();
  if (bytes > scratchBytes) {
    if (scratchPtr !== 0) k.free(scratchPtr);
    scratchBytes = Math.max(bytes, scratchBytes * 2, 1 << 16);
    scratchPtr = k.malloc(scratchBytes);
    if (scratchPtr === 0) throw new RangeError(`@dl/audio: cannot allocate ${scratchBytes} bytes of FFT workspace`);
  }
  return scratchPtr;
}

function plan(kind: 'r' | 'c', n: number, inverse: boolean): number {
  const key = `${kind}${inverse ? 'i' : 'f'}${n}`;
  let cfg = plans.get(key);
  if (cfg === undefined) {
    const k = kissFft();
    cfg = kind === 'r' ? k.fftrAlloc(n, inverse ? 1 : 0, 0, 0) : k.fftAlloc(n, inverse ? 1 : 0, 0, 0);
    if (cfg === 0) throw new RangeError(`@dl/audio: cannot plan an FFT of size ${n}`);
    plans.set(key, cfg);
  }
  return cfg;
}

/** @internal The number of one-sided bins of a real transform of size `n`. */
export function realBins(n: number): number {
  return Math.floor(n / 2) + 1;
}

/**
 * @internal Forward FFTs of `frames` real frames of length `n`. `fill` writes the frames (row-major,
 * `frames * n` floats) into the view it is given; the result is a view of `frames * bins * 2`
 * floats (interleaved re, im; `bins = n / 2 + 1`), valid until the next FFT call.
 */
export function rfftFrames(n: number, frames: number, fill: (input: Float32Array) => void): Float32Array {
  const k = kissFft();
  const bins = realBins(n);
  const even = n % 2 === 0;
  const inFloats = frames * n;
  const outFloats = frames * bins * 2;
  const tmpFloats = even ? 0 : 4 * n;
  const base = scratch(4 * (inFloats + outFloats + tmpFloats));
  const inPtr = base;
  const outPtr = base + 4 * inFloats;
  const cfg = plan(even ? 'r' : 'c', n, false);
  const heap = new Float32Array(k.memory.buffer);
  fill(heap.subarray(inPtr >> 2, (inPtr >> 2) + inFloats));
  if (even) {
    for (let f = 0; f < frames; f++) k.fftr(cfg, inPtr + 4 * f * n, outPtr + 8 * f * bins);
  } else {
    const cin = outPtr + 4 * outFloats;
    const cout = cin + 8 * n;
    const ci = cin >> 2;
    const co = cout >> 2;
    for (let f = 0; f < frames; f++) {
      const src = (inPtr >> 2) + f * n;
      for (let i = 0; i < n; i++) {
        heap[ci + 2 * i] = heap[src + i];
        heap[ci + 2 * i + 1] = 0;
      }
      k.fft(cfg, cin, cout);
      heap.copyWithin((outPtr >> 2) + f * bins * 2, co, co + bins * 2);
    }
  }
  return heap.subarray(outPtr >> 2, (outPtr >> 2) + outFloats);
}

/**
 * @internal Unnormalized inverse FFTs of `frames` one-sided spectra (Hermitian symmetry implied;
 * the imaginary parts of the DC and, for even `n`, Nyquist bins are ignored). `fill` writes
 * `frames * bins * 2` floats; the result is a view of `frames * n` reals, valid until the next call.
 */
export function irfftFrames(n: number, frames: number, fill: (input: Float32Array) => void): Float32Array {
  const k = kissFft();
  const bins = realBins(n);
  const even = n % 2 === 0;
  const inFloats = frames * bins * 2;
  const outFloats = frames * n;
  const tmpFloats = even ? 0 : 4 * n;
  const base = scratch(4 * (inFloats + outFloats + tmpFloats));
  const inPtr = base;
  const outPtr = base + 4 * inFloats;
  const cfg = plan(even ? 'r' : 'c', n, true);
  const heap = new Float32Array(k.memory.buffer);
  fill(heap.subarray(inPtr >> 2, (inPtr >> 2) + inFloats));
  if (even) {
    for (let f = 0; f < frames; f++) k.fftri(cfg, inPtr + 8 * f * bins, outPtr + 4 * f * n);
  } else {
    const cin = outPtr + 4 * outFloats;
    const cout = cin + 8 * n;
    const ci = cin >> 2;
    const co = cout >> 2;
    for (let f = 0; f < frames; f++) {
      const src = (inPtr >> 2) + f * bins * 2;
      heap[ci] = heap[src];
      heap[ci + 1] = 0;
      for (let b = 1; b < bins; b++) {
        const re = heap[src + 2 * b];
        const im = heap[src + 2 * b + 1];
        heap[ci + 2 * b] = re;
        heap[ci + 2 * b + 1] = im;
        heap[ci + 2 * (n - b)] = re;
        heap[ci + 2 * (n - b) + 1] = -im;
      }
      k.fft(cfg, cin, cout);
      const dst = (outPtr >> 2) + f * n;
      for (let i = 0; i < n; i++) heap[dst + i] = heap[co + 2 * i];
    }
  }
  return heap.subarray(outPtr >> 2, (outPtr >> 2) + outFloats);
}

// PFFFT workspace: input, output and work buffers (SIMD-aligned), grown on demand.
let pfPtr = 0;
let pfBytes = 0;
const pfSetups = new Map<number, number>();

/**
 * @internal Forward FFTs of `frames` real frames of length `n` on PFFFT, two frames per complex
 * transform: frame `2p` in the real parts and `2p + 1` in the imaginary parts of pair `p`. `fill`
 * writes `pairs * n * 2` floats, sample `j` of frame `2p + s` at `(p * n + j) * 2 + s` (a missing
 * last frame must be zeros). Returns the pairs' complex spectra (`pairs * n * 2` floats, valid until
 * the next FFT call), or null when PFFFT cannot do size `n` here. Unpack frame `2p + s`, bin `k`
 * with {@link unpackPair}.
 */
export function rfftPaired(n: number, frames: number, fill: (input: Float32Array) => void): Float32Array | null {
  if (!pffftSupports(n)) return null;
  const pf = pffft();
  if (pf === null) return null;
  let setup = pfSetups.get(n);
  if (setup === undefined) {
    setup = pf.newSetup(n, 1);
    pfSetups.set(n, setup);
  }
  if (setup === 0) return null;
  const pairs = Math.ceil(frames / 2);
  const floats = pairs * n * 2;
  const bytes = 4 * (2 * floats + 2 * n);
  if (bytes > pfBytes) {
    if (pfPtr !== 0) pf.alignedFree(pfPtr);
    pfBytes = Math.max(bytes, pfBytes * 2, 1 << 16);
    pfPtr = pf.alignedMalloc(pfBytes);
    if (pfPtr === 0) throw new RangeError(`@dl/audio: cannot allocate ${pfBytes} bytes of FFT workspace`);
  }
  const inPtr = pfPtr;
  const outPtr = inPtr + 4 * floats;
  const work = outPtr + 4 * floats;
  const heap = new Float32Array(pf.memory.buffer);
  fill(heap.subarray(inPtr >> 2, (inPtr >> 2) + floats));
  const step = 8 * n;
  for (let p = 0; p < pairs; p++) pf.transformOrdered(setup, inPtr + p * step, outPtr + p * step, work, 0);
  return heap.subarray(outPtr >> 2, (outPtr >> 2) + floats);
}
