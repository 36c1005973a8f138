import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trainFizzBuzz } from './train';

describe('trainFizzBuzz', () => {
  it('runs the whole workflow on a small budget: history, two best checkpoints, CSV metrics, predictions', async () => {
    const outputDir = mkdtempSync(join(tmpdir(), 'fizzbuzz-'));
    const r = await trainFizzBuzz({ epochs: 6, hidden: 64, lr: 0.01, patience: 50, outputDir, log: null, progress: null });
    expect(r.epochs).toBe(6);
    expect(r.history.map((h) => h.epoch)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.history[5].trainLoss).toBeLessThan(r.history[0].trainLoss);
    for (const h of r.history) for (const v of [h.trainAccuracy, h.valAccuracy]) expect(v).toBeGreaterThanOrEqual(0);
    expect(r.checkpoints).toHaveLength(2);
    const files = readdirSync(outputDir).filter((f) => f.endsWith('.pt')).sort();
    expect(files).toEqual(r.checkpoints.map((c) => c.slice(outputDir.length + 1)).sort());
    for (const f of files) expect(f).toMatch(/^best_model_\d+_val_accuracy=\d\.\d{4}\.pt$/);
    const csv = readFileSync(join(outputDir, 'metrics.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('tag,step,epoch,iteration,time,accuracy,loss');
    expect(csv).toHaveLength(1 + 2 * 6);
    expect(r.predictions).toHaveLength(100);
    expect(r.predictions[14].n).toBe(15);
    expect(r.testAccuracy).toBe(r.predictions.filter((p) => p.correct).length / 100);
  });

  it('stops early when validation accuracy stops improving', async () => {
    const r = await trainFizzBuzz({ epochs: 40, hidden: 16, lr: 1e-6, patience: 2, outputDir: mkdtempSync(join(tmpdir(), 'fizzbuzz-')), log: null, progress: null });
    expect(r.epochs).toBeLessThan(40);
  });
});
