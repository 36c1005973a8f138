import { describe, expect, it } from 'vitest';
import { lmdbKeyText } from './lmdb-key-text';

describe('lmdbKeyText', () => {
  it('quotes printable keys, shows others in hex, and cuts long ones', () => {
    expect(lmdbKeyText(Buffer.from('0a1b2c'))).toBe("'0a1b2c'");
    expect(lmdbKeyText(Uint8Array.of(0, 255))).toBe('0x00ff');
    expect(lmdbKeyText(Buffer.from('x'.repeat(50)))).toBe(`'${'x'.repeat(48)}'... (50 bytes)`);
    expect(lmdbKeyText(new Uint8Array(49))).toBe(`0x${'00'.repeat(48)}... (49 bytes)`);
  });
});
