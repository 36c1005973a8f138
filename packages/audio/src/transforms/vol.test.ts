import { ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { expectClose, fixture, toTensor } from '../../test/fixtures/transforms/load';
import { Vol } from './vol';

describe('Vol', () => {
  it('matches torchaudio for amplitude, power and dB gains, clamping to [-1, 1]', () => {
    const fx = fixture('ta_fade_vol');
    const loud = toTensor(fx.inputs.loud);
    const p = (fx.params.vol as Record<string, [number, 'amplitude' | 'power' | 'db']>);
    for (const [name, [g, type]] of Object.entries(p)) expectClose(new Vol(g, type)(loud), fx.expected[`vol.${name}`], 1e-6, 1e-7);
  });

  it('rejects negative amplitude or power gains and unknown gain types', () => {
    expect(() => new Vol(-1)).toThrowError(new ValueError("Vol: if gainType is 'amplitude' or 'power', gain must be positive, got -1"));
    expect(() => new Vol(1, 'volts' as never)).toThrowError(new ValueError("Vol: gainType must be one of 'amplitude', 'power', 'db', got 'volts'"));
  });
});
