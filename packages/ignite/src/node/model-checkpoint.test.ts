import { ValueError, equal, manualSeed, nn, optim, type Tensor } from '@dl/core';
import { load } from '@dl/core/node';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIgniteReference } from '../../test/support/reference';
import { Engine } from '../engine/engine';
import { Events } from '../engine/events';
import { Checkpoint } from '../handlers/checkpoint';
import { DiskSaver } from './disk-saver';
import { EngineCheckpoint } from './engine-checkpoint';
import { findLastCheckpoint } from './find-last-checkpoint';
import { ModelCheckpoint } from './model-checkpoint';

const ref = loadIgniteReference();
const tmp = () => mkdtempSync(join(tmpdir(), 'dl-ignite-ckpt-'));

describe('ModelCheckpoint', () => {
  it('writes the files ignite writes: the best two scored, and the last with model and trainer', async () => {
    const dir = tmp();
    const model = new nn.Linear(2, 2);
    const scores = ref.checkpoint.scores_by_epoch;
    const e = new Engine(() => null);
    const best = new ModelCheckpoint(dir, { filenamePrefix: 'best', nSaved: 2, scoreFunction: (eng) => scores[eng.state.epoch - 1], scoreName: 'acc', requireEmpty: false });
    e.on(Events.EPOCH_COMPLETED, best, { model });
    const last = new ModelCheckpoint(dir, { filenamePrefix: 'last', nSaved: 1, requireEmpty: false });
    e.on(Events.EPOCH_COMPLETED, last, { model, trainer: e });
    await e.run([0], { maxEpochs: 5 });
    expect(readdirSync(dir).sort()).toEqual(ref.checkpoint.files_after_run);
    // As in ignite, the last of the kept list sorted by priority: the best one.
    expect(best.lastCheckpoint).toBe(join(dir, 'best_model_acc=0.9000.pt'));
    expect(best.savedCheckpoints.map((s) => s.priority)).toEqual([0.8, 0.9]);
  });

  it('saves state dicts that load back into the objects, the engine included', async () => {
    const dir = tmp();
    manualSeed(0);
    const model = new nn.Linear(3, 2);
    const opt = new optim.SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
    const e = new Engine(() => null);
    e.on(Events.ITERATION_COMPLETED({ every: 2 }), new ModelCheckpoint(dir, { nSaved: null }), { model, optimizer: opt, trainer: e });
    await e.run([1, 2, 3, 4, 5], { maxEpochs: 2 });
    expect(readdirSync(dir).sort()).toEqual(['checkpoint_10.pt', 'checkpoint_2.pt', 'checkpoint_4.pt', 'checkpoint_6.pt', 'checkpoint_8.pt']);
    const ckpt = await load<Record<string, Record<string, unknown>>>(join(dir, 'checkpoint_4.pt'));
    expect(ckpt.trainer).toMatchObject({ iteration: 4, epoch: 0, epochLength: 5, maxEpochs: 2 });
    const model2 = new nn.Linear(3, 2);
    const e2 = new Engine(() => null);
    await Checkpoint.loadObjects({ model: model2, trainer: e2 }, join(dir, 'checkpoint_4.pt'));
    expect(equal(model2.weight as Tensor, model.weight as Tensor)).toBe(true);
    expect(e2.state.iteration).toBe(4);
    expect(findLastCheckpoint(dir)).toBe(join(dir, 'checkpoint_10.pt'));
  });

  it('refuses a directory with checkpoints unless requireEmpty is false, with ignite message', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'old_model_1.pt'), 'x');
    expect(() => new ModelCheckpoint(dir)).toThrow(ValueError);
    expect(() => new ModelCheckpoint(dir)).toThrow(/files \[old_model_1\.pt\] with extension '\.pt' are already present in the directory .*pass requireEmpty: false/);
    expect(() => new ModelCheckpoint(dir, { requireEmpty: false })).not.toThrow();
  });

  it('needs the objects at registration', async () => {
    const e = new Engine(() => null);
    e.on(Events.COMPLETED, new ModelCheckpoint(tmp()));
    await expect(e.run([1])).rejects.toThrow(/ModelCheckpoint: no objects to checkpoint; register it as engine.on\(event, handler, \{ model, \.\.\. \}\)/);
  });

  it('writes safetensors files with format safetensors', async () => {
    const dir = tmp();
    const model = new nn.Linear(2, 1);
    const e = new Engine(() => null);
    e.on(Events.COMPLETED, new ModelCheckpoint(dir, { format: 'safetensors' }), { model });
    await e.run([1, 2]);
    expect(readdirSync(dir)).toEqual(['model_2.safetensors']);
    expect(Object.keys(await load<Record<string, unknown>>(join(dir, 'model_2.safetensors'))).sort()).toEqual(['bias', 'weight']);
  });
});

describe('EngineCheckpoint', () => {
  it('saves every saveInterval iterations with the engine state for resuming', async () => {
    const dir = tmp();
    const model = new nn.Linear(2, 2);
    const e = new Engine(() => null);
    e.on(Events.ITERATION_COMPLETED, new EngineCheckpoint(dir, { model }, 3));
    await e.run([1, 2, 3, 4], { maxEpochs: 2 });
    expect(readdirSync(dir)).toEqual(['checkpoint_6.pt']);
    const ckpt = await load<Record<string, Record<string, unknown>>>(join(dir, 'checkpoint_6.pt'));
    expect(Object.keys(ckpt).sort()).toEqual(['model', 'trainer']);
    expect(ckpt.trainer.iteration).toBe(6);
    expect(() => new EngineCheckpoint(dir, { model }, 0)).toThrow(/EngineCheckpoint: saveInterval should be a positive integer, got 0/);
  });
});

describe('DiskSaver', () => {
  it('removes temporary files that dead processes left, and never lists them as checkpoints', () => {
    const dir = tmp();
    writeFileSync(join(dir, '.checkpoint_5.pt.999999999.0123456789ab.tmp'), 'partial');
    writeFileSync(join(dir, 'checkpoint_4.pt'), 'x');
    new DiskSaver(dir, { requireEmpty: false });
    expect(readdirSync(dir)).toEqual(['checkpoint_4.pt']);
    expect(() => new DiskSaver(dir, { format: 'onnx' as never })).toThrow(/DiskSaver: format should be 'torch' or 'safetensors', got "onnx"/);
  });
});
