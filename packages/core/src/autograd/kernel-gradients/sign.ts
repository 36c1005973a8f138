import type { KernelGradient } from './types';
import { nonDifferentiable } from './util';

/** Gradient of `Sign`: zeros (piecewise constant, as PyTorch). */
export const signGradient: KernelGradient = nonDifferentiable('Sign', ['x']);
