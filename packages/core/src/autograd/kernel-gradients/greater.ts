import type { KernelGradient } from './types';
import { nonDifferentiable } from './util';

/** Gradient of `Greater`: zeros (a comparison; its bool output never carries a gradient). */
export const greaterGradient: KernelGradient = nonDifferentiable('Greater', ['a', 'b']);
