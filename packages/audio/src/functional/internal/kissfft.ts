import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * @internal The C functions of KISS FFT (single precision) as built by `kissfft-wasm` 1.1.2, and
 * the memory they work in. `kissfft-wasm`'s own JavaScript glue is not used: it loads the module
 * asynchronously (so the first spectrogram would have to be awaited), fails under Node 20 (it
 * `fetch`es a file path) and installs process-wide `uncaughtException` / `unhandledRejection`
 * handlers. The module itself is small and needs five trivial imports, so it is instantiated
 * here, synchronously, on first use.
 */
export interface KissFft {
  readonly memory: WasmMemory;
  malloc(bytes: number): number;
  free(ptr: number): void;
  /** `kiss_fft_alloc(nfft, inverse, mem, lenmem)`: a complex plan. */
  fftAlloc(n: number, inverse: number, mem: number, lenmem: number): number;
  /** `kiss_fft(cfg, in, out)`: one unnormalized complex transform of interleaved (re, im) floats. */
  fft(cfg: number, input: number, output: number): void;
  /** `kiss_fftr_alloc(nfft, inverse, mem, lenmem)`: a real plan (nfft even). */
  fftrAlloc(n: number, inverse: number, mem: number, lenmem: number): number;
  /** `kiss_fftr(cfg, timedata, freqdata)`: n reals to n/2 + 1 complex bins. */
  fftr(cfg: number, input: number, output: number): void;
  /** `kiss_fftri(cfg, freqdata, timedata)`: n/2 + 1 bins to n reals, unnormalized. */
  fftri(cfg: number, input: number, output: number): void;
}

/** @internal A WebAssembly.Memory (the project's TypeScript lib has no DOM/WebAssembly types). */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: abstract new (...args: never[]) => WasmMemory;
}

const WA = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

// The minified export names of kissfft-wasm 1.1.2's module (pinned in package.json).
const EXPORTS = { memory: 'f', ctors: 'g', fftAlloc: 'n', malloc: 'o', free: 'p', fft: 'q', fftrAlloc: 't', fftr: 'u', fftri: 'v' } as const;

let instance: KissFft | null = null;

function instantiate(): KissFft {
  const require = createRequire(import.meta.url);
  const bytes = readFileSync(require.resolve('kissfft-wasm/lib/kissfft.wasm'));
  let memory: WasmMemory | null = null;
  const growTo = (bytesWanted: number): number => {
    const m = memory!;
    const pages = Math.ceil((bytesWanted - m.buffer.byteLength) / 65536);
    try {
      if (pages > 0) m.grow(pages);
      return 1;
    } catch {
      return 0;
    }
  };
  // Emscripten's runtime imports: fd_write, fd_seek, memcpy_big, resize_heap, fd_close. KISS FFT
  // never prints or seeks; malloc grows the heap through resize_heap.
  const imports = {
    a: {
      a: () => 0,
      b: () => 0,
      c: (dest: number, src: number, num: number) => {
        const heap = new Uint8Array(memory!.buffer);
        heap.copyWithin(dest, src, src + num);
      },
      d: growTo,
      e: () => 0,
    },
  };
  const wasm = new WA.Instance(new WA.Module(bytes), imports);
  const ex = wasm.exports;
  for (const [what, name] of Object.entries(EXPORTS)) {
    const want = what === 'memory' ? WA.Memory : Function;
    if (!(ex[name] instanceof want)) {
      throw new Error(`@dl/audio: kissfft-wasm's module does not have the expected export '${name}' (${what}); @dl/audio needs kissfft-wasm 1.1.2`);
    }
  }
  memory = ex[EXPORTS.memory] as WasmMemory;
  (ex[EXPORTS.ctors] as () => void)();
  const fn = (name: string) => ex[name] as (...args: number[]) => number;
  return {
    memory,
    malloc: fn(EXPORTS.malloc),
    free: fn(EXPORTS.free),
    fftAlloc: fn(EXPORTS.fftAlloc),
    fft: fn(EXPORTS.fft),
    fftrAlloc: fn(EXPORTS.fftrAlloc),
    fftr: fn(EXPORTS.fftr),
    fftri: fn(EXPORTS.fftri),
  };
}

/** @internal The KISS FFT module, instantiated on first use. */
export function kissFft(): KissFft {
  if (instance === null) instance = instantiate();
  return instance;
}
