import type { KernelGradient } from './types';
import { nonDifferentiable } from './util';

/** Gradient of `Less`: zeros (a comparison; its bool output never carries a gradient). */
export const lessGradient: KernelGradient = nonDifferentiable('Less', ['a', 'b']);
