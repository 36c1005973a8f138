import { describe, expect, it } from 'vitest';
import '../ops/arithmetic/index';
import { ValueError } from '../errors/value-error';
import { tensor } from '../ops/creation/tensor';
import { Tensor } from '../tensor/tensor';
import { Module } from './module';
import { Parameter } from './parameter';
import { StateDictError } from './state-dict-error';

class Affine extends Module {
  weight: Parameter;
  bias: Parameter | null;
  constructor(
    readonly n: number,
    bias = true,
  ) {
    super();
    this.weight = new Parameter(tensor(Array.from({ length: n }, (_, i) => i + 1)));
    this.bias = bias ? new Parameter(tensor(new Array<number>(n).fill(0))) : null;
    this.registerBuffer('running_mean', tensor(new Array<number>(n).fill(0)));
    this.registerBuffer('scratch', tensor([0]), { persistent: false });
  }
  override forward(x: Tensor): Tensor {
    const y = x.mul(this.weight);
    return this.bias ? y.add(this.bias) : y;
  }
  override extraRepr(): string {
    return `n=${this.n}`;
  }
}

class Block extends Module {
  first = new Affine(2);
  second = new Affine(2, false);
  scale = new Parameter(tensor([2]));
  override forward(x: Tensor): Tensor {
    return this.second.call(this.first.call(x)).mul(this.scale);
  }
}

class Net extends Module {
  head = new Parameter(tensor([1, 1]));
  layer1 = new Block();
  layer2 = new Block();
  override forward(x: Tensor): Tensor {
    return this.layer2.call(this.layer1.call(x)).mul(this.head);
  }
}

describe('Module registration by assignment', () => {
  it('finds parameters, buffers and children in assignment order with dotted names', () => {
    const net = new Net();
    expect(net.namedParameters().map(([n]) => n)).toEqual([
      'head',
      'layer1.scale',
      'layer1.first.weight',
      'layer1.first.bias',
      'layer1.second.weight',
      'layer2.scale',
      'layer2.first.weight',
      'layer2.first.bias',
      'layer2.second.weight',
    ]);
    expect(net.parameters().length).toBe(9);
    expect(net.parameters({ recurse: false }).length).toBe(1);
    expect(net.namedBuffers().map(([n]) => n)).toEqual([
      'layer1.first.running_mean',
      'layer1.first.scratch',
      'layer1.second.running_mean',
      'layer1.second.scratch',
      'layer2.first.running_mean',
      'layer2.first.scratch',
      'layer2.second.running_mean',
      'layer2.second.scratch',
    ]);
    expect(net.namedChildren().map(([n]) => n)).toEqual(['layer1', 'layer2']);
    expect(net.namedModules().map(([n]) => n)).toEqual(['', 'layer1', 'layer1.first', 'layer1.second', 'layer2', 'layer2.first', 'layer2.second']);
    expect(net.modules().length).toBe(7);
    expect(net.namedParameters({ prefix: 'model' })[0][0]).toBe('model.head');
  });

  it('lists a shared parameter or module once', () => {
    const net = new Net();
    (net as unknown as { layer2: Block }).layer2 = net.layer1;
    expect(net.parameters().length).toBe(5);
    expect(net.children().length).toBe(1);
    expect(net.namedModules({ removeDuplicate: false }).length).toBe(7);
  });

  it('keeps registration order when a member is reassigned, and forgets deleted ones', () => {
    const block = new Block();
    block.first = new Affine(2);
    expect(block.namedChildren().map(([n]) => n)).toEqual(['first', 'second']);
    delete (block as Partial<Block>).second;
    expect(block.namedChildren().map(([n]) => n)).toEqual(['first']);
  });

  it('registers through the explicit methods with checked names', () => {
    const m = new Module();
    m.registerParameter('w', new Parameter(tensor([1])));
    m.registerModule('child', new Affine(1));
    m.addModule('other', null);
    m.registerBuffer('b', null);
    expect(m.namedParameters().map(([n]) => n)).toEqual(['w', 'child.weight', 'child.bias']);
    expect(m.namedBuffers().map(([n]) => n)).toEqual(['child.running_mean', 'child.scratch']);
    expect(() => m.registerParameter('a.b', null)).toThrowError(new ValueError('parameter name can\'t contain ".", got "a.b"'));
    expect(() => m.registerModule('', null)).toThrowError('module name can\'t be empty string ""');
    expect(() => m.registerParameter('x', tensor([1]) as Parameter)).toThrowError("cannot assign 'Tensor' object to parameter 'x' (nn.Parameter or null required)");
    expect(() => m.registerBuffer('w', tensor([1]))).toThrowError("attribute 'w' already exists");
    expect(() => m.registerModule('y', {} as Module)).toThrowError('Object is not a Module subclass');
  });

  it('resolves dotted paths', () => {
    const net = new Net();
    expect(net.getSubmodule('layer1.first')).toBe(net.layer1.first);
    expect(net.getParameter('layer2.first.weight')).toBe(net.layer2.first.weight);
    expect(net.getBuffer('layer1.second.running_mean')).toBeInstanceOf(Tensor);
    expect(() => net.getSubmodule('layer1.third')).toThrowError("getSubmodule: Block has no attribute 'third' (in 'layer1.third')");
    expect(() => net.getSubmodule('layer1.scale')).toThrowError("getSubmodule: 'scale' is not an nn.Module (in 'layer1.scale')");
    expect(() => net.getBuffer('layer1.scale')).toThrowError("getBuffer: 'scale' is not a buffer (in 'layer1.scale')");
  });
});

describe('Module modes and bulk operations', () => {
  it('switches train/eval recursively', () => {
    const net = new Net();
    expect(net.training).toBe(true);
    expect(net.eval()).toBe(net);
    expect(net.modules().every((m) => !m.training)).toBe(true);
    net.train();
    expect(net.layer2.second.training).toBe(true);
    expect(() => net.train('yes' as unknown as boolean)).toThrowError('train: training mode is expected to be boolean, got string');
  });

  it('applies a function children first', () => {
    const order: string[] = [];
    new Block().apply((m) => order.push(m.constructor.name));
    expect(order).toEqual(['Affine', 'Affine', 'Block']);
  });

  it('zeroes or drops gradients and freezes parameters', () => {
    const block = new Block();
    const y = block.forward(tensor([1, 2]));
    y.backward(tensor([1, 1]));
    expect(block.scale.grad).not.toBeNull();
    block.zeroGrad({ setToNone: false });
    expect(Array.from(block.scale.grad!.dataSync())).toEqual([0]);
    block.zeroGrad();
    expect(block.parameters().every((p) => p.grad === null)).toBe(true);
    block.requiresGrad_(false);
    expect(block.parameters().some((p) => p.requiresGrad)).toBe(false);
  });
});

describe('Module.to', () => {
  it('accepts the one device and dtype there is and refuses others', () => {
    const m = new Affine(1);
    expect(m.to('cpu')).toBe(m);
    expect(m.to('float32')).toBe(m);
    expect(() => m.to('cuda' as 'cpu')).toThrowError(
      "to: cannot move Affine to 'cuda': @dl/core computes in float32 on the backend chosen with setBackend() ('tensorflow', 'wasm' or 'cpu'); use 'cpu' or 'float32'",
    );
  });
});

describe('Module.call and hooks', () => {
  it('runs pre-hooks and hooks around forward until removed', () => {
    const m = new Affine(2);
    const pre = m.registerForwardPreHook((_mod, args) => [(args[0] as Tensor).mul(10)]);
    const post = m.registerForwardHook((_mod, _args, out) => (out as Tensor).add(1));
    expect(Array.from(m.call(tensor([1, 1])).dataSync())).toEqual([11, 21]);
    pre.remove();
    post.remove();
    expect(Array.from(m.call(tensor([1, 1])).dataSync())).toEqual([1, 2]);
  });

  it('throws when forward is missing', () => {
    expect(() => new Module().forward()).toThrowError('Module [Module] is missing the required "forward" function');
  });
});

describe('Module.stateDict', () => {
  it('uses dotted keys, skips non-persistent buffers and detaches', () => {
    const net = new Net();
    const sd = net.stateDict();
    expect(Object.keys(sd)).toEqual([
      'head',
      'layer1.scale',
      'layer1.first.weight',
      'layer1.first.bias',
      'layer1.first.running_mean',
      'layer1.second.weight',
      'layer1.second.running_mean',
      'layer2.scale',
      'layer2.first.weight',
      'layer2.first.bias',
      'layer2.first.running_mean',
      'layer2.second.weight',
      'layer2.second.running_mean',
    ]);
    expect(sd.head.requiresGrad).toBe(false);
    expect(sd.head).not.toBe(net.head);
    expect(net.stateDict({ keepVars: true }).head).toBe(net.head);
  });

  it('loads values back and reports nothing missing', () => {
    const a = new Net();
    a.layer1.first.weight._replaceValue(tensor([7, 8])._value.clone());
    const b = new Net();
    const res = b.loadStateDict(a.stateDict());
    expect(res).toEqual({ missingKeys: [], unexpectedKeys: [] });
    expect(Array.from(b.layer1.first.weight.dataSync())).toEqual([7, 8]);
    expect(b.layer1.first.weight.requiresGrad).toBe(true);
    expect(b.layer1.first.weight).toBeInstanceOf(Parameter);
  });

  it('lists missing and unexpected keys without strict', () => {
    const sd = new Net().stateDict();
    delete sd['layer2.first.bias'];
    sd['layer2.extra'] = tensor([1]);
    const res = new Net().loadStateDict(sd, { strict: false });
    expect(res).toEqual({ missingKeys: ['layer2.first.bias'], unexpectedKeys: ['layer2.extra'] });
  });

  it('throws a StateDictError naming missing, unexpected and mismatched keys, leaving the model unchanged', () => {
    const sd = new Net().stateDict();
    delete sd['layer1.first.bias'];
    sd.extra = tensor([1]);
    sd['layer2.scale'] = tensor([1, 2, 3]);
    const target = new Net();
    target.head._replaceValue(tensor([5, 5])._value.clone());
    let err: unknown;
    try {
      target.loadStateDict(sd);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StateDictError);
    const e = err as StateDictError;
    expect(e.message).toBe(
      [
        'Error(s) in loading state_dict for Net:',
        '\tUnexpected key(s) in state_dict: "extra".',
        '\tMissing key(s) in state_dict: "layer1.first.bias".',
        '\tsize mismatch for layer2.scale: copying a param with shape [3] from checkpoint, the shape in current model is [1].',
      ].join('\n'),
    );
    expect(e.missingKeys).toEqual(['layer1.first.bias']);
    expect(e.unexpectedKeys).toEqual(['extra']);
    expect(e.mismatches).toEqual([{ key: 'layer2.scale', checkpointShape: [3], modelShape: [1] }]);
    expect(Array.from(target.head.dataSync())).toEqual([5, 5]);
    // shape mismatches fail even without strict
    expect(() => target.loadStateDict(sd, { strict: false })).toThrowError(StateDictError);
  });

  it('accepts a Map and rejects non-tensor values', () => {
    const m = new Affine(1, false);
    expect(m.loadStateDict(new Map([['weight', tensor([3])], ['running_mean', tensor([0])]]))).toEqual({ missingKeys: [], unexpectedKeys: [] });
    expect(m.weight.item()).toBe(3);
    expect(() => m.loadStateDict({ weight: 3 as unknown as Tensor, running_mean: tensor([0]) })).toThrowError(
      'While copying the parameter named "weight", expected a Tensor from checkpoint but received number',
    );
    expect(() => m.loadStateDict(null as unknown as Record<string, Tensor>)).toThrowError('loadStateDict: expected a state dict (an object of tensors), got null');
  });

  it('detects cycles instead of recursing forever', () => {
    const m = new Block();
    (m.first as unknown as { parent: Module }).parent = m;
    expect(() => m.stateDict()).toThrowError("stateDict: the module tree has a cycle at 'first.parent.'");
    expect(() => m.namedModules({ removeDuplicate: false })).toThrowError("namedModules: the module tree has a cycle at 'first.parent' (Block contains itself)");
  });
});

describe('Module.toString', () => {
  it("prints PyTorch's module tree", () => {
    expect(new Affine(3).toString()).toBe('Affine(n=3)');
    expect(new Block().toString()).toBe(['Block(', '  (first): Affine(n=2)', '  (second): Affine(n=2)', ')'].join('\n'));
    expect(new Net().toString()).toBe(
      ['Net(', '  (layer1): Block(', '    (first): Affine(n=2)', '    (second): Affine(n=2)', '  )', '  (layer2): Block(', '    (first): Affine(n=2)', '    (second): Affine(n=2)', '  )', ')'].join('\n'),
    );
    expect(new Module().toString()).toBe('Module()');
  });
});

describe('Parameter', () => {
  it('is a leaf that requires grad, copies its data and prints as PyTorch does', () => {
    const data = tensor([1, 2]);
    const p = new Parameter(data);
    expect(p.requiresGrad).toBe(true);
    expect(p.isLeaf).toBe(true);
    expect(p._kept).toBe(true);
    expect(new Parameter(data, false).requiresGrad).toBe(false);
    expect(new Parameter().shape).toEqual([0]);
    expect(p.toString()).toBe(`Parameter containing:\n${tensor([1, 2], { requiresGrad: true }).toString()}`);
    expect(() => new Parameter([1] as unknown as Tensor)).toThrowError('Parameter: expected a Tensor, got object');
  });
});
