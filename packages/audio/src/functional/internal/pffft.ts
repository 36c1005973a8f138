import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { WasmMemory } from './kissfft';

/**
 * @internal PFFFT (SIMD build of `@echogarden/pffft-wasm` 0.4.2): complex FFTs of sizes that are
 * multiples of 16 with factors 2, 3 and 5 only, about four times faster than KISS FFT here. Like
 * KISS FFT, instantiated synchronously from its .wasm (its JavaScript glue loads asynchronously).
 */
export interface Pffft {
  readonly memory: WasmMemory;
  /** `pffft_aligned_malloc(bytes)`: SIMD-aligned memory. */
  alignedMalloc(bytes: number): number;
  alignedFree(ptr: number): void;
  /** `pffft_new_setup(n, transform)` with transform 1 (complex); 0 when `n` is not supported. */
  newSetup(n: number, transform: number): number;
  /** `pffft_transform_ordered(setup, in, out, work, direction)`: unnormalized, direction 0 forward, 1 backward. */
  transformOrdered(setup: number, input: number, output: number, work: number, direction: number): void;
}

interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

const WA = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
// The minified export names of @echogarden/pffft-wasm 0.4.2's SIMD module (pinned in package.json).
const EXPORTS = { memory: 'd', ctors: 'e', alignedMalloc: 'f', alignedFree: 'h', newSetup: 'k', transformOrdered: 'p' } as const;

let instance: Pffft | null | undefined;

function instantiate(): Pffft | null {
  try {
    const require = createRequire(import.meta.url);
    const bytes = readFileSync(join(dirname(require.resolve('@echogarden/pffft-wasm/simd')), 'pffft.wasm'));
    let memory: WasmMemory | null = null;
    const imports = {
      a: {
        a: () => {
          throw new Error('@dl/audio: PFFFT assertion failed');
        },
        b: (bytesWanted: number) => {
          const m = memory!;
          try {
            const pages = Math.ceil((bytesWanted - m.buffer.byteLength) / 65536);
            if (pages > 0) m.grow(pages);
            return 1;
          } catch {
            return 0;
          }
        },
        c: (dest: number, src: number, num: number) => {
          new Uint8Array(memory!.buffer).copyWithin(dest, src, src + num);
        },
      },
    };
    const ex = new WA.Instance(new WA.Module(bytes), imports).exports;
    for (const name of Object.values(EXPORTS)) if (ex[name] === undefined) return null;
    memory = ex[EXPORTS.memory] as WasmMemory;
    (ex[EXPORTS.ctors] as () => void)();
    const fn = (name: string) => ex[name] as (...args: number[]) => number;
    return {
      memory,
      alignedMalloc: fn(EXPORTS.alignedMalloc),
      alignedFree: fn(EXPORTS.alignedFree),
      newSetup: fn(EXPORTS.newSetup),
      transformOrdered: fn(EXPORTS.transformOrdered),
    };
  } catch {
    // No WebAssembly SIMD, or the package is missing: KISS FFT does every size.
    return null;
  }
}

/** @internal PFFFT, instantiated on first use, or null where it cannot run (KISS FFT is used then). */
export function pffft(): Pffft | null {
  if (instance === undefined) instance = instantiate();
  return instance;
}

/** @internal Whether PFFFT does complex FFTs of size `n`: a multiple of 16 whose only prime factors are 2, 3 and 5. */
export function pffftSupports(n: number): boolean {
  if (n < 16 || n % 16 !== 0) return false;
  let m = n;
  for (const p of [2, 3, 5]) while (m % p === 0) m /= p;
  return m === 1;
}
