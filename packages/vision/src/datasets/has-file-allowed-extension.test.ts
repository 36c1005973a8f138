import { describe, expect, it } from 'vitest';
import { hasFileAllowedExtension } from './has-file-allowed-extension';

describe('hasFileAllowedExtension', () => {
  it('matches the end of the name, ignoring the case of the name and of the extensions', () => {
    expect(hasFileAllowedExtension('a/b.PNG', ['.png', '.jpg'])).toBe(true);
    expect(hasFileAllowedExtension('a/b.png', ['.PNG'])).toBe(true);
    expect(hasFileAllowedExtension('a/b.png', '.png')).toBe(true);
    expect(hasFileAllowedExtension('a/b.png.txt', '.png')).toBe(false);
    expect(hasFileAllowedExtension('a/png', ['.png'])).toBe(false);
  });

  it('matches nothing for an empty list (as str.endswith(()))', () => {
    expect(hasFileAllowedExtension('a.png', [])).toBe(false);
  });
});
