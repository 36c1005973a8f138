// The Vite-only variant of the page's entry (wasm-url.html): Vite's `?url` imports make the three
// .wasm files build assets (hashed, copied to assets/), and dl.setWasmPaths takes the map of
// their URLs. No copy step.
import * as dl from '@dl/core';
import wasmUrl from '@dl/core/wasm/tfjs-backend-wasm.wasm?url';
import simdUrl from '@dl/core/wasm/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdUrl from '@dl/core/wasm/tfjs-backend-wasm-threaded-simd.wasm?url';
import { runPage } from './app';

void runPage(() =>
  dl.setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmUrl,
    'tfjs-backend-wasm-simd.wasm': simdUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdUrl,
  }),
);
