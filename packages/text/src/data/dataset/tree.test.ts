import { describe, expect, it } from 'vitest';
import { ExampleError } from '../../errors/example-error';
import { Tree } from './tree';

describe('Tree', () => {
  it('parses labels, leaves and pre-order subtrees as NLTK', () => {
    const t = Tree.fromString('(3 (2 It) (4 (2 works) (2 .)))');
    expect(t.label).toBe('3');
    expect(t.leaves()).toEqual(['It', 'works', '.']);
    expect([...t.subtrees()].map((s) => s.label)).toEqual(['3', '2', '4', '2', '2']);
    expect(String(t)).toBe('(3 (2 It) (4 (2 works) (2 .)))');
    expect(Tree.fromString('( (S (NP x)))').label).toBe('');
  });

  it('refuses unbalanced or trailing text with an ExampleError naming the position', () => {
    expect(() => Tree.fromString('(3 x))')).toThrow(ExampleError);
    expect(() => Tree.fromString('(3 x))')).toThrow('Tree.fromString: expected the end of the string at position 5');
    expect(() => Tree.fromString('(3 x) (2 y)')).toThrow('Tree.fromString: expected the end of the string at position 6');
    expect(() => Tree.fromString('x')).toThrow("Tree.fromString: expected '(' at position 0");
    expect(() => Tree.fromString('')).toThrow("Tree.fromString: expected '(' at position 0");
    expect(() => Tree.fromString('(3 (2 x)')).toThrow("Tree.fromString: expected ')' at position 8");
  });
});
