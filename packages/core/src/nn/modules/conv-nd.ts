import { conv1d } from '../../ops/functional/conv1d';
import { conv2d } from '../../ops/functional/conv2d';
import { pad } from '../../ops/shape/pad';
import type { Tensor } from '../../tensor/tensor';
import type { ConvBase } from './conv-base';

/** @internal The forward shared by Conv1d and Conv2d, including the non-zero padding modes. */
export function convForward(layer: ConvBase, input: Tensor, weight: Tensor, bias: Tensor | null): Tensor {
  const fn = layer.kernelSize.length === 1 ? conv1d : conv2d;
  const common = { stride: layer.stride, dilation: layer.dilation, groups: layer.groups };
  if (layer.paddingMode === 'zeros') return fn(input, weight, bias, { ...common, padding: layer.padding });
  // PyTorch pads explicitly (last dim first, both sides), then convolves without padding.
  const amounts: number[] = [];
  for (let d = layer.kernelSize.length - 1; d >= 0; d--) {
    if (layer.padding === 'valid') amounts.push(0, 0);
    else if (layer.padding === 'same') {
      const total = layer.dilation[d] * (layer.kernelSize[d] - 1);
      const left = Math.floor(total / 2);
      amounts.push(left, total - left);
    } else amounts.push(layer.padding[d], layer.padding[d]);
  }
  return fn(pad(input, amounts, { mode: layer.paddingMode }), weight, bias, { ...common, padding: 0 });
}
