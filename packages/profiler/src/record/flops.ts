/** A tensor's shape as tfjs kernels see it. */
interface Shaped {
  shape: number[];
}

function size(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

function matMulFlops(a: Shaped | undefined, b: Shaped | undefined, attrs: Record<string, unknown>): number {
  if (!a || !b || a.shape.length < 2 || b.shape.length < 2) return 0;
  const ra = a.shape.length;
  const rb = b.shape.length;
  const m = attrs.transposeA ? a.shape[ra - 1] : a.shape[ra - 2];
  const k = attrs.transposeA ? a.shape[ra - 2] : a.shape[ra - 1];
  const n = attrs.transposeB ? b.shape[rb - 2] : b.shape[rb - 1];
  const batch = Math.max(size(a.shape.slice(0, -2)), size(b.shape.slice(0, -2)));
  return 2 * batch * m * n * k;
}

const ELEMENTWISE = new Set(['Add', 'AddV2', 'Sub', 'Mul', 'RealDiv', 'Div']);

/**
 * @internal Floating-point operations of one tfjs kernel call, estimated as PyTorch's
 * `with_flops` does: matrix products and convolutions (2 per multiply-add), and one per output
 * element for elementwise add, sub, mul and div. Other kernels count 0.
 */
export function kernelFlops(kernelName: string, inputs: Record<string, Shaped | undefined>, attrs: Record<string, unknown>, outShape: readonly number[] | null): number {
  switch (kernelName) {
    case 'BatchMatMul':
    case '_FusedMatMul':
      return matMulFlops(inputs.a, inputs.b, attrs);
    case 'Conv2D':
    case 'FusedConv2D': {
      const f = inputs.filter?.shape;
      return f && outShape ? 2 * size(outShape) * f[0] * f[1] * f[2] : 0;
    }
    case 'Conv2DBackpropInput':
    case 'Conv2DBackpropFilter': {
      const dy = inputs.dy?.shape;
      const f = kernelName === 'Conv2DBackpropInput' ? inputs.filter?.shape : (attrs.filterShape as number[] | undefined);
      return dy && f ? 2 * size(dy) * f[0] * f[1] * f[2] : 0;
    }
    case 'DepthwiseConv2dNative':
    case 'FusedDepthwiseConv2D': {
      const f = inputs.filter?.shape;
      return f && outShape ? 2 * size(outShape) * f[0] * f[1] : 0;
    }
    default:
      return ELEMENTWISE.has(kernelName) && outShape ? size(outShape) : 0;
  }
}
