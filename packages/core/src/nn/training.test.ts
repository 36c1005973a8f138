import { describe, expect, it } from 'vitest';
import { tf } from '../backend/tfjs';
import * as dl from '../index';
import { nn, optim, type Tensor } from '../index';

class Mlp extends nn.Module {
  fc1 = new nn.Linear(2, 16);
  act = new nn.Tanh();
  fc2 = new nn.Linear(16, 2);
  override forward(x: Tensor): Tensor {
    return this.fc2.call(this.act.call(this.fc1.call(x)));
  }
}

describe('public API: nn, optim and nn.functional together', () => {
  it('trains a small classifier with SGD momentum and a StepLR schedule', () => {
    dl.manualSeed(0);
    // XOR-like: class = sign(x0 * x1)
    const x = dl.randn([64, 2]);
    const xs = x.tolist() as number[][];
    const y = dl.tensor(xs.map(([a, b]) => (a * b > 0 ? 1 : 0)), { dtype: 'int64' });
    const model = new Mlp();
    const opt = new optim.SGD(model.parameters(), { lr: 0.5, momentum: 0.9 });
    const sched = new optim.lrScheduler.StepLR(opt, { stepSize: 100, gamma: 0.5 });
    const lossFn = new nn.CrossEntropyLoss();
    let first = 0;
    let last = 0;
    for (let step = 0; step < 200; step++) {
      last = dl.scope(() => {
        opt.zeroGrad();
        const loss = lossFn.call(model.call(x), y);
        loss.backward();
        opt.step();
        sched.step();
        return loss.item();
      });
      if (step === 0) first = last;
    }
    expect(last).toBeLessThan(first * 0.5);
    expect(sched.getLastLr()[0]).toBeCloseTo(0.125, 10);
    expect(model.parameters().every((p) => !p.isDisposed)).toBe(true);
    const acc = dl.noGrad(() => {
      const pred = (model.forward(x).tolist() as number[][]).map((r) => (r[1] > r[0] ? 1 : 0));
      return pred.filter((p, i) => p === (y.tolist() as number[])[i]).length / pred.length;
    });
    expect(acc).toBeGreaterThan(0.85);
  });

  it('exposes nn.functional, nn.init and optim.lrScheduler namespaces', () => {
    expect(typeof nn.functional.crossEntropy).toBe('function');
    expect(typeof nn.functional.conv2d).toBe('function');
    expect(typeof nn.functional.softmax).toBe('function');
    expect(typeof nn.init.kaimingNormal_).toBe('function');
    expect(typeof optim.lrScheduler.OneCycleLR).toBe('function');
    expect(new nn.Sequential(new nn.Linear(10, 100), new nn.ReLU()).toString()).toBe(
      'Sequential(\n  (0): Linear(in_features=10, out_features=100, bias=True)\n  (1): ReLU()\n)',
    );
  });

  it('round-trips a model and its optimizer through state dicts', () => {
    dl.manualSeed(1);
    const a = new Mlp();
    const optA = new optim.Adam(a.parameters(), { lr: 0.01 });
    const x = dl.randn([8, 2]);
    const loss = a.forward(x).pow(2).mean();
    loss.backward();
    optA.step();
    const b = new Mlp();
    const optB = new optim.Adam(b.parameters(), { lr: 0.5 });
    b.loadStateDict(a.stateDict());
    optB.loadStateDict(optA.stateDict());
    for (const [m, o] of [
      [a, optA],
      [b, optB],
    ] as const) {
      o.zeroGrad();
      m.forward(x).pow(2).mean().backward();
      o.step();
    }
    const pa = a.parameters().map((p) => Array.from(p.dataSync()));
    const pb = b.parameters().map((p) => Array.from(p.dataSync()));
    expect(pb).toEqual(pa);
  });
});

describe('memory', () => {
  it('a scoped training step leaves no tensors behind (layers, buffers, optimizer state)', () => {
    class Net extends nn.Module {
      conv = new nn.Conv2d(1, 4, 3);
      bn = new nn.BatchNorm2d(4);
      drop = new nn.Dropout(0.2);
      lstm = new nn.LSTM(4, 3, { batchFirst: true });
      fc = new nn.Linear(3, 2);
      override forward(x: Tensor): Tensor {
        const h = this.drop.call(dl.relu(this.bn.call(this.conv.call(x)))); // [N, 4, 4, 4]
        const seq = h.flatten(2).transpose(1, 2); // [N, 16, 4]
        const [out] = this.lstm.call(seq);
        return this.fc.call(out.select(1, -1));
      }
    }
    dl.manualSeed(0);
    const model = new Net();
    const opt = new optim.Adam(model.parameters(), { lr: 1e-3, amsgrad: true });
    const sched = new optim.lrScheduler.OneCycleLR(opt, { maxLr: 0.01, totalSteps: 10 });
    const x = dl.randn([2, 1, 6, 6]);
    const y = dl.tensor([0, 1], { dtype: 'int64' });
    const step = () =>
      dl.scope(() => {
        opt.zeroGrad();
        const loss = nn.functional.crossEntropy(model.call(x), y);
        loss.backward();
        nn.utils.clipGradNorm_(model.parameters(), 1);
        opt.step();
        sched.step();
        return loss.item();
      });
    step(); // creates the optimizer state and gradients
    // tfjs's own count of live tensors: every @dl tensor owns exactly one.
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) step();
    expect(tf.memory().numTensors).toBe(before);
  });
});
