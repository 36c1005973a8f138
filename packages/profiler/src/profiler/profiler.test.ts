import * as dl from '@dl/core';
import { tf } from '@dl/core/internal';
import { describe, expect, it } from 'vitest';
import { ProfilerError } from '../errors/profiler-error';
import { profile } from './profile';
import { Profiler } from './profiler';

function matmulStep(): void {
  dl.scope(() => {
    const a = dl.randn([8, 16], { requiresGrad: true });
    const b = dl.randn([16, 4], { requiresGrad: true });
    a.matmul(b).sum().backward();
  });
}

describe('Profiler', () => {
  it('records forward ops, backward nodes and the tfjs kernels under them', () => {
    const prof = profile(() => matmulStep());
    const names = prof.events().map((e) => e.name);
    expect(names).toContain('MatMul');
    expect(names).toContain('MatMulBackward');
    expect(names).toContain('SumBackward');
    const mm = prof.events().find((e) => e.name === 'MatMul')!;
    expect(mm.phase).toBe('forward');
    expect(mm.category).toBe('cpu_op');
    expect(mm.children.map((c) => c.name)).toContain('tfjs::BatchMatMul');
    const kernel = mm.children.find((c) => c.name === 'tfjs::BatchMatMul')!;
    expect(kernel.category).toBe('kernel');
    expect(kernel.parent).toBe(mm);
    expect(kernel.startUs).toBeGreaterThanOrEqual(mm.startUs);
    expect(kernel.endUs).toBeLessThanOrEqual(mm.endUs);
    const mmBack = prof.events().find((e) => e.name === 'MatMulBackward')!;
    expect(mmBack.phase).toBe('backward');
    // The backward of a matmul runs two matrix products (dA and dB).
    expect(mmBack.children.filter((c) => c.name === 'tfjs::BatchMatMul').length).toBe(2);
    expect(mm.selfCpuTimeTotal).toBeCloseTo(mm.cpuTimeTotal - mm.children.reduce((t, c) => t + c.cpuTimeTotal, 0), 6);
  });

  it('restores every tfjs kernel and records nothing once stopped (zero cost when not profiling)', () => {
    const backend = tf.getBackend();
    const before = tf.getKernelsForBackend(backend);
    const prof = new Profiler().start();
    expect(tf.getKernel('BatchMatMul', backend)).not.toBe(before.find((k) => k.kernelName === 'BatchMatMul'));
    matmulStep();
    prof.stop();
    const after = tf.getKernelsForBackend(backend);
    expect(after.length).toBe(before.length);
    for (const k of before) expect(tf.getKernel(k.kernelName, backend)).toBe(k);
    const count = prof.events().length;
    matmulStep();
    expect(prof.events().length).toBe(count);
  });

  it('records ops only with withKernels: false', () => {
    const prof = profile({ withKernels: false }, () => matmulStep());
    expect(prof.events().some((e) => e.category === 'kernel')).toBe(false);
    expect(prof.events().some((e) => e.name === 'MatMul')).toBe(true);
  });

  it('profiles async functions and resolves with the stopped profiler', async () => {
    const prof = await profile(async () => {
      matmulStep();
      await new Promise((r) => setTimeout(r, 5));
      matmulStep();
    });
    expect(prof.running).toBe(false);
    expect(prof.events().filter((e) => e.name === 'MatMul').length).toBe(2);
  });

  it('stops and passes the error through when the function throws', async () => {
    expect(() =>
      profile(() => {
        throw new RangeError('boom');
      }),
    ).toThrow(RangeError);
    await expect(
      profile(async () => {
        throw new RangeError('async boom');
      }),
    ).rejects.toThrow('async boom');
    // A new profiler can start: the failed ones let go.
    expect(() => profile(() => matmulStep())).not.toThrow();
  });

  it('records input shapes, memory and FLOPs when asked', () => {
    const prof = profile({ recordShapes: true, profileMemory: true, withFlops: true }, () => {
      dl.scope(() => {
        // Small tensors made from JavaScript data stay on the JavaScript heap until an op needs
        // them on the backend, and that op is charged for the backend copy; clone() puts these
        // on the backend first, so MatMul's own allocation is what is measured.
        const a = dl.ones([8, 16]).clone();
        const b = dl.ones([16, 4]).clone();
        a.matmul(b);
      });
    });
    const mm = prof.events().find((e) => e.name === 'MatMul')!;
    expect(mm.inputShapes).toEqual([
      [8, 16],
      [16, 4],
    ]);
    // The op leaves its [8, 4] float32 output allocated: 128 bytes.
    expect(mm.cpuMemoryUsage).toBe(8 * 4 * 4);
    const kernel = mm.children.find((c) => c.name === 'tfjs::BatchMatMul')!;
    expect(kernel.flops).toBe(2 * 8 * 4 * 16);
    expect(kernel.inputShapes).toEqual([
      [8, 16],
      [16, 4],
    ]);
  });

  it('records the user source location with withStack', () => {
    const prof = profile({ withStack: true }, () => matmulStep());
    const mm = prof.events().find((e) => e.name === 'MatMul')!;
    expect(mm.stack).not.toBeNull();
    // Innermost first: the arrow inside dl.scope, then matmulStep that called scope (core's own frames dropped).
    expect(mm.stack![0]).toMatch(/^src\/profiler\/profiler\.test\.ts\(12\): <anonymous>$/);
    expect(mm.stack![1]).toMatch(/^src\/profiler\/profiler\.test\.ts\(9\): matmulStep$/);
    expect(prof.keyAverages({ groupByStackN: 1 }).table()).toContain('Source Location');
  });

  it('with enabled: false records nothing and does not block another profiler', () => {
    const off = new Profiler({ enabled: false }).start();
    const on = profile(() => matmulStep());
    off.stop();
    expect(off.events().length).toBe(0);
    expect(off.toString()).toBe('');
    expect(on.events().length).toBeGreaterThan(0);
  });

  it('throws ProfilerError when misused', () => {
    const prof = new Profiler();
    expect(() => prof.events()).toThrow(new ProfilerError('Profiler: the profiler has not run yet'));
    expect(() => prof.stop()).toThrow(new ProfilerError('Profiler.stop: the profiler is not running (call start() first)'));
    prof.start();
    expect(() => prof.table()).toThrow(new ProfilerError('Profiler: the profiler is still running: call stop() first'));
    expect(() => new Profiler().start()).toThrow(new ProfilerError('Profiler.start: another profiler is already running; stop it first (profilers do not nest)'));
    expect(() => prof.start()).toThrow(new ProfilerError('Profiler.start: this profiler has already started; a profiler records once (make a new one)'));
    prof.stop();
    expect(() => prof.stop()).toThrow(new ProfilerError('Profiler.stop: the profiler is not running (it has already stopped)'));
    expect(() => prof.start()).toThrow(new ProfilerError('Profiler.start: this profiler has already run; a profiler records once (make a new one)'));
  });

  it('rejects bad options with ValueError', () => {
    expect(() => new Profiler({ recordShapes: 'yes' as unknown as boolean })).toThrow(new dl.ValueError('Profiler: option recordShapes should be a boolean, got string yes'));
    expect(() => profile({}, undefined as unknown as () => void)).toThrow(new dl.ValueError('profile: expected a function to profile, got none'));
  });
});
