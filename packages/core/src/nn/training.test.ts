import { describe, expect, it } from 'vitest';
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
