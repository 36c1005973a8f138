// The page's entry, bundled unchanged by esbuild and by Vite (test/bundle.ts). It imports the main
// entries of @dl/core, @dl/ignite and @dl/profiler (through app.ts and train.ts) and loads the
// .wasm files of @tensorflow/tfjs-backend-wasm from ./wasm/, where the build copies them.
import * as dl from '@dl/core';
import { runPage } from './app';

void runPage(() => dl.setWasmPaths(new URL('wasm/', document.baseURI).href));
