import { backendState } from './backend-state';
import { loadSharp, type Sharp } from './sharp-loader';

/** @internal `sharp` when it is the backend in use, else null (the wasm codecs). */
export function activeSharp(): Sharp | null {
  if (backendState.chosen === 'wasm') return null;
  const load = loadSharp();
  if ('sharp' in load) return load.sharp;
  if (!backendState.warned) {
    backendState.warned = true;
    console.warn(`@dl/vision: sharp cannot load (${errorText(load.error)}); decoding images with the wasm backend instead`);
  }
  return null;
}

/** @internal The first line of an error's message. */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!;
}
