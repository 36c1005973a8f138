/** Keys longer than this are cut in messages. */
const SHOWN = 48;

/**
 * @internal An LMDB key for a message: quoted text when it is printable ASCII (LSUN's hex ids),
 * else hex; keys past 48 bytes are cut, with their length.
 *
 * @example
 * ```ts
 * lmdbKeyText(Buffer.from('0a1b2c')); // "'0a1b2c'"
 * lmdbKeyText(Uint8Array.of(0, 255)); // '0x00ff'
 * ```
 */
export function lmdbKeyText(key: Uint8Array): string {
  const shown = key.subarray(0, SHOWN);
  const more = key.length > SHOWN ? `... (${key.length} bytes)` : '';
  const printable = shown.every((b) => b >= 0x20 && b < 0x7f);
  return printable ? `'${String.fromCharCode(...shown)}'${more}` : `0x${Buffer.from(shown).toString('hex')}${more}`;
}
