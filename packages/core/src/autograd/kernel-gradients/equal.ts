import type { KernelGradient } from './types';
import { nonDifferentiable } from './util';

/** Gradient of `Equal`: zeros (a comparison; its bool output never carries a gradient). */
export const equalGradient: KernelGradient = nonDifferentiable('Equal', ['a', 'b']);
