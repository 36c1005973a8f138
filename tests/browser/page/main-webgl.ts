// The esbuild variant with a GPU backend (webgl.html): importing @tensorflow/tfjs-backend-webgl
// registers 'webgl', and dl.ready() picks it over wasm and cpu. The wasm paths are set all the
// same, as an app would (wasm is the fallback); the wasm backend is never started here.
import '@tensorflow/tfjs-backend-webgl';
import * as dl from '@dl/core';
import { runPage } from './app';

void runPage(
  () => dl.setWasmPaths(new URL('wasm/', document.baseURI).href),
  () => dl.ready(),
);
