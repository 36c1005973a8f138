/**
 * Gives the wasm backend the kernels tfjs-backend-wasm 4.22 does not ship and training needs:
 * the filter gradient of convolutions, both gradients of depthwise convolutions, and
 * `UnsortedSegmentSum` (the gradient of gathers and embeddings). Each is built from kernels the
 * backend has. A kernel tfjs itself provides (in a later version) is left alone.
 */
import { getKernel, registerKernel, type KernelFunc } from '@tensorflow/tfjs-core';
import { conv2dBackpropFilterKernel } from './conv2d-backprop-filter';
import { depthwiseBackpropFilterKernel } from './depthwise-conv2d-backprop-filter';
import { depthwiseBackpropInputKernel } from './depthwise-conv2d-backprop-input';
import { unsortedSegmentSumKernel } from './unsorted-segment-sum';

/** @internal The kernels @dl/core adds, by kernel name, for a given backend. */
export function compositeKernels(backendName: string): Record<string, KernelFunc> {
  return {
    Conv2DBackpropFilter: conv2dBackpropFilterKernel(backendName),
    DepthwiseConv2dNativeBackpropFilter: depthwiseBackpropFilterKernel(backendName),
    DepthwiseConv2dNativeBackpropInput: depthwiseBackpropInputKernel(backendName),
    UnsortedSegmentSum: unsortedSegmentSumKernel(backendName),
  };
}

/** @internal Registers the missing kernels for `backendName` (the wasm backend by default). */
export function registerCompositeKernels(backendName = 'wasm'): string[] {
  const added: string[] = [];
  for (const [kernelName, kernelFunc] of Object.entries(compositeKernels(backendName))) {
    if (getKernel(kernelName, backendName)) continue;
    registerKernel({ kernelName, backendName, kernelFunc });
    added.push(kernelName);
  }
  return added;
}

registerCompositeKernels('wasm');
