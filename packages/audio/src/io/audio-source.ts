/**
 * Where audio comes from: a file path (string or `file:` URL) or the file's bytes (a Uint8Array,
 * such as a Node Buffer, or an ArrayBuffer).
 *
 * @example
 * ```ts
 * const a: AudioSource = 'speech.wav';
 * const b: AudioSource = await fs.promises.readFile('speech.wav');
 * ```
 */
export type AudioSource = string | URL | Uint8Array | ArrayBuffer;
