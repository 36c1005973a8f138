import { describe, expect, it } from 'vitest';
import { IndexError } from '../../errors/index-error';
import { ValueError } from '../../errors/value-error';
import { tensor } from '../../ops/creation/tensor';
import { Tensor } from '../../tensor/tensor';
import { Module } from '../module';
import { Parameter } from '../parameter';
import * as nn from './index';

describe('Sequential', () => {
  it('chains modules through call() so hooks run, and names them 0, 1, ...', () => {
    const seq = new nn.Sequential(new nn.Linear(3, 2), new nn.ReLU(), new nn.Linear(2, 1));
    const seen: string[] = [];
    seq[1].registerForwardHook(() => {
      seen.push('relu');
    });
    expect(seq.forward(tensor([[1, 2, 3]])).shape).toEqual([1, 1]);
    expect(seen).toEqual(['relu']);
    expect(seq.namedParameters().map(([n]) => n)).toEqual(['0.weight', '0.bias', '2.weight', '2.bias']);
    expect(seq.length).toBe(3);
    expect(seq.at(-1)).toBe(seq[2]);
    expect([...seq].length).toBe(3);
  });

  it('keeps the names and order of an object or Map, even names like methods', () => {
    const seq = new nn.Sequential(new Map<string, Module>([['forward', new nn.Identity()], ['b', new nn.Linear(2, 2)], ['0', new nn.Tanh()]]));
    expect(seq.namedChildren().map(([n]) => n)).toEqual(['forward', 'b', '0']);
    expect(seq.forward(tensor([[1, 1]])).shape).toEqual([1, 2]);
    expect(Object.keys(seq.stateDict())).toEqual(['b.weight', 'b.bias']);
    expect(seq.getSubmodule('b')).toBeInstanceOf(nn.Linear);
  });

  it('appends, inserts, pops and slices', () => {
    const a = new nn.ReLU();
    const b = new nn.Tanh();
    const c = new nn.Sigmoid();
    const seq = new nn.Sequential(a).append(c);
    seq.insert(1, b);
    expect([...seq]).toEqual([a, b, c]);
    expect(seq.namedChildren().map(([n]) => n)).toEqual(['0', '1', '2']);
    expect(seq.pop(0)).toBe(a);
    expect(seq[0]).toBe(b);
    expect(seq[2]).toBeUndefined();
    expect([...seq.slice(1)]).toEqual([c]);
    expect(() => seq.at(5)).toThrowError(new IndexError('Sequential.at: index 5 is out of range (length 2)'));
    expect(() => new nn.Sequential(3 as unknown as Module)).toThrowError('Sequential: number is not a Module subclass');
  });
});

describe('ModuleList', () => {
  it('registers its modules and supports list operations', () => {
    const list = new nn.ModuleList([new nn.Linear(2, 2), new nn.Linear(2, 2)]);
    expect(list.parameters().length).toBe(4);
    list.append(new nn.Linear(2, 3));
    expect(list.length).toBe(3);
    expect(list[2].outFeatures).toBe(3);
    list.insert(0, new nn.Linear(1, 1));
    expect(list[0].inFeatures).toBe(1);
    expect(list.namedParameters()[0][0]).toBe('0.weight');
    list.set(-1, new nn.Linear(5, 5));
    expect(list.at(-1).inFeatures).toBe(5);
    expect(list.pop().inFeatures).toBe(5);
    expect(list.slice(0, 1).length).toBe(1);
    expect(() => list.forward()).toThrowError('Module [ModuleList] is missing the required "forward" function');
    expect(() => list.append({} as nn.Linear)).toThrowError('ModuleList.append: Object is not a Module subclass');
  });

  it('prints like PyTorch', () => {
    const list = new nn.ModuleList([new nn.Linear(2, 3), new nn.Tanh()]);
    expect(list.toString()).toBe('ModuleList(\n  (0): Linear(in_features=2, out_features=3, bias=True)\n  (1): Tanh()\n)');
  });
});

describe('ModuleDict', () => {
  it('keeps insertion order, never shadows methods, and supports dict operations', () => {
    const d = new nn.ModuleDict<Module>({ b: new nn.ReLU(), keys: new nn.Linear(2, 2) });
    expect(d.keys()).toEqual(['b', 'keys']);
    expect(typeof d.keys).toBe('function');
    expect(d.get('keys')).toBeInstanceOf(nn.Linear);
    expect(d.has('b')).toBe(true);
    expect(Object.keys(d.stateDict())).toEqual(['keys.weight', 'keys.bias']);
    d.set('a', new nn.Identity());
    expect([...d]).toEqual(['b', 'keys', 'a']);
    expect(d.items().map(([k]) => k)).toEqual(['b', 'keys', 'a']);
    expect(d.pop('b')).toBeInstanceOf(nn.ReLU);
    expect(d.size).toBe(2);
    d.update([['c', new nn.Tanh()]]);
    expect(d.values().length).toBe(3);
    d.clear();
    expect(d.size).toBe(0);
    expect(() => d.pop('zz')).toThrowError(new ValueError("ModuleDict.pop: no module under key 'zz'"));
    expect(() => d.set('a.b', new nn.ReLU())).toThrowError('ModuleDict.set: keys must be non-empty strings without ".", got "a.b"');
  });
});

describe('ParameterList and ParameterDict', () => {
  it('wrap tensors as parameters and register them', () => {
    const list = new nn.ParameterList([tensor([1, 2]), new Parameter(tensor([3]))]);
    expect(list.length).toBe(2);
    expect(list[0]).toBeInstanceOf(Parameter);
    expect(list.namedParameters().map(([n]) => n)).toEqual(['0', '1']);
    expect(list.toString()).toBe('ParameterList(\n  (0): Parameter containing: [float32 of size 2]\n  (1): Parameter containing: [float32 of size 1]\n)');
    const dict = new nn.ParameterDict({ scale: tensor([1]) });
    dict.set('shift', tensor([0, 0]));
    expect(dict.namedParameters().map(([n]) => n)).toEqual(['scale', 'shift']);
    expect(dict.get('shift')!.requiresGrad).toBe(true);
    expect(() => dict.set('x', 3 as unknown as Tensor)).toThrowError('ParameterDict.set: expected a Parameter or Tensor, got number');
  });
});
