import { ValueError } from '../../errors/value-error';
import { convTranspose1d } from '../../ops/functional/conv-transpose1d';
import { convTranspose2d } from '../../ops/functional/conv-transpose2d';
import type { Tensor } from '../../tensor/tensor';
import type { ConvBase } from './conv-base';

/**
 * @internal PyTorch's `_output_padding`: the output padding that yields `outputSize` (spatial
 * dims, optionally with the leading batch/channel dims), checked against the valid range.
 */
export function outputPaddingFor(layer: ConvBase, input: Tensor, outputSize: readonly number[] | null | undefined): number[] {
  if (outputSize === null || outputSize === undefined) return layer.outputPadding;
  const s = layer.kernelSize.length;
  const nonSpatial = input.dim() === s + 2 ? 2 : 1;
  let size = [...outputSize];
  if (size.length === nonSpatial + s) size = size.slice(nonSpatial);
  if (size.length !== s) {
    throw new ValueError(`${layer._getName()}: for ${input.dim()}D input, output_size must have ${s} or ${nonSpatial + s} elements (got ${outputSize.length})`);
  }
  const padding = layer.padding as number[];
  const mins: number[] = [];
  const maxs: number[] = [];
  for (let d = 0; d < s; d++) {
    const min = (input.shape[d + nonSpatial] - 1) * layer.stride[d] - 2 * padding[d] + layer.dilation[d] * (layer.kernelSize[d] - 1) + 1;
    mins.push(min);
    maxs.push(min + layer.stride[d] - 1);
  }
  size.forEach((v, i) => {
    if (v < mins[i] || v > maxs[i]) {
      throw new ValueError(
        `${layer._getName()}: requested an output size of [${size.join(', ')}], but valid sizes range from [${mins.join(', ')}] to [${maxs.join(', ')}] (for an input of [${input.shape.slice(nonSpatial).join(', ')}])`,
      );
    }
  });
  return size.map((v, i) => v - mins[i]);
}

/** @internal The forward shared by ConvTranspose1d and ConvTranspose2d. */
export function convTransposeForward(layer: ConvBase, input: Tensor, outputSize: readonly number[] | null | undefined): Tensor {
  const fn = layer.kernelSize.length === 1 ? convTranspose1d : convTranspose2d;
  return fn(input, layer.weight, layer.bias, {
    stride: layer.stride,
    padding: layer.padding as number[],
    outputPadding: outputPaddingFor(layer, input, outputSize),
    groups: layer.groups,
    dilation: layer.dilation,
  });
}
