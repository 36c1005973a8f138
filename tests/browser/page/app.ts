// What every variant of the page does once it has said where the .wasm files are: start the
// wasm backend, train the MLP of train.ts while drawing the loss, and put the outcome on
// `window.__dlResult` for the test.
import * as dl from '@dl/core';
import { renderEpoch, renderError, renderResult, renderStart } from './render';
import { trainMlp, type TrainResult } from './train';

/** What the test reads from the page once `status` is no longer 'running'. */
export interface PageResult {
  status: 'running' | 'done' | 'error';
  /** `dl.availableBackends()` before the backend started. */
  available?: string[];
  result?: TrainResult;
  error?: string;
}

declare global {
  interface Window {
    __dlResult: PageResult;
  }
}

/**
 * Runs the page. The entries differ only in how they call `dl.setWasmPaths` (`configureWasm`)
 * and how they start the backend (`start`: `dl.setBackend('wasm')` unless they say otherwise).
 */
export async function runPage(configureWasm: () => void, start: () => Promise<string> = () => dl.setBackend('wasm')): Promise<void> {
  window.__dlResult = { status: 'running' };
  try {
    configureWasm();
    window.__dlResult.available = dl.availableBackends();
    const backend = await start();
    renderStart(backend);
    const result = await trainMlp(renderEpoch);
    renderResult(result);
    window.__dlResult = { ...window.__dlResult, status: 'done', result };
  } catch (e) {
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    renderError(message);
    window.__dlResult = { ...window.__dlResult, status: 'error', error: message };
  }
}
