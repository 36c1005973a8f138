import { describe, expect, it } from 'vitest';
import { DefaultIndexMap } from './default-index-map';

describe('DefaultIndexMap', () => {
  it("gives the default index for missing tokens without adding them (unlike Python's defaultdict)", () => {
    const stoi = new DefaultIndexMap([['<unk>', 0], ['the', 1]], 0);
    expect([stoi.get('the'), stoi.get('zebra'), stoi.has('zebra'), stoi.size]).toEqual([1, 0, false, 2]);
    expect([...stoi.keys()]).toEqual(['<unk>', 'the']);
    expect(stoi).toBeInstanceOf(Map);
  });

  it('reads a default given as a function at lookup time, and has none by default', () => {
    let unk: number | undefined = 3;
    const stoi = new DefaultIndexMap([['a', 0]], () => unk);
    expect(stoi.get('x')).toBe(3);
    unk = undefined;
    expect([stoi.get('x'), stoi.defaultIndex]).toEqual([undefined, undefined]);
    expect(new DefaultIndexMap().get('x')).toBeUndefined();
    stoi.setDefault(7);
    expect(stoi.get('x')).toBe(7);
  });
});
