/**
 * @dl/core's gradient table for the TensorFlow.js kernels it runs through `kernelOp`: one file per
 * kernel, in the style of tfjs's gradient configs but written for @dl's autograd (tfjs-core alone
 * registers no gradients, and @dl/core does not load the `@tensorflow/tfjs` union that does).
 * Broadcasting is not handled here: `runOp` reduces every input gradient to the input's shape.
 */
import { acosGradient } from './acos';
import { addGradient } from './add';
import { asinGradient } from './asin';
import { atanGradient } from './atan';
import { atan2Gradient } from './atan2';
import { batchMatMulGradient } from './batch-mat-mul';
import { castGradient } from './cast';
import { cosGradient } from './cos';
import { coshGradient } from './cosh';
import { cumsumGradient } from './cumsum';
import { equalGradient } from './equal';
import { erfGradient } from './erf';
import { expGradient } from './exp';
import { expm1Gradient } from './expm1';
import { greaterEqualGradient } from './greater-equal';
import { greaterGradient } from './greater';
import { identityGradient } from './identity';
import { leakyReluGradient } from './leaky-relu';
import { lessEqualGradient } from './less-equal';
import { lessGradient } from './less';
import { logGradient } from './log';
import { log1pGradient } from './log1p';
import { meanGradient } from './mean';
import { multiplyGradient } from './multiply';
import { negGradient } from './neg';
import { notEqualGradient } from './not-equal';
import { prodGradient } from './prod';
import { realDivGradient } from './real-div';
import { reciprocalGradient } from './reciprocal';
import { reluGradient } from './relu';
import { reshapeGradient } from './reshape';
import { reverseGradient } from './reverse';
import { rsqrtGradient } from './rsqrt';
import { seluGradient } from './selu';
import { sigmoidGradient } from './sigmoid';
import { signGradient } from './sign';
import { sinGradient } from './sin';
import { sinhGradient } from './sinh';
import { sliceGradient } from './slice';
import { sqrtGradient } from './sqrt';
import { squareGradient } from './square';
import { subGradient } from './sub';
import { sumGradient } from './sum';
import { tanGradient } from './tan';
import { tanhGradient } from './tanh';
import { transposeGradient } from './transpose';
import type { KernelGradient } from './types';

export type { KernelGradContext, KernelGradFunc, KernelGradient } from './types';

const TABLE = new Map<string, KernelGradient>(
  [
    acosGradient,
    addGradient,
    asinGradient,
    atanGradient,
    atan2Gradient,
    batchMatMulGradient,
    castGradient,
    cosGradient,
    coshGradient,
    cumsumGradient,
    equalGradient,
    erfGradient,
    expGradient,
    expm1Gradient,
    greaterEqualGradient,
    greaterGradient,
    identityGradient,
    leakyReluGradient,
    lessEqualGradient,
    lessGradient,
    logGradient,
    log1pGradient,
    meanGradient,
    multiplyGradient,
    negGradient,
    notEqualGradient,
    prodGradient,
    realDivGradient,
    reciprocalGradient,
    reluGradient,
    reshapeGradient,
    reverseGradient,
    rsqrtGradient,
    seluGradient,
    sigmoidGradient,
    signGradient,
    sinGradient,
    sinhGradient,
    sliceGradient,
    sqrtGradient,
    squareGradient,
    subGradient,
    sumGradient,
    tanGradient,
    tanhGradient,
    transposeGradient,
  ].map((g) => [g.kernelName, g]),
);

/**
 * The gradient @dl/core knows for a TensorFlow.js kernel run through `kernelOp`, or `undefined`
 * (then `kernelOp` records a backward that throws "the derivative for 'X' is not implemented").
 *
 * @example
 * ```ts
 * getKernelGradient('Exp')?.saveOutput; // true
 * getKernelGradient('Conv2D'); // undefined
 * ```
 */
export function getKernelGradient(kernelName: string): KernelGradient | undefined {
  return TABLE.get(kernelName);
}

/**
 * The kernels the gradient table covers, sorted.
 *
 * @example
 * ```ts
 * kernelGradientNames().includes('BatchMatMul'); // true
 * ```
 */
export function kernelGradientNames(): string[] {
  return [...TABLE.keys()].sort();
}
