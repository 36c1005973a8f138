import { PassThrough, Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createGunzip } from 'node:zlib';

/** A single-stream compression {@link extractArchive} undoes: gzip, bzip2 or xz. */
export type Compression = 'gz' | 'bz2' | 'xz';

/**
 * The decompressed bytes of `input` as a Node stream. Errors of the input and of the decoder
 * (truncated or corrupt data) surface as errors of the returned stream. The bzip2 and xz
 * decoders (pure JavaScript and WebAssembly) load on first use.
 */
export async function decompress(input: Readable, compression: Compression): Promise<Readable> {
  if (compression === 'gz') {
    const gunzip = createGunzip();
    input.on('error', (error) => gunzip.destroy(error));
    return input.pipe(gunzip);
  }
  if (compression === 'bz2') {
    const { default: unbzip2 } = await import('unbzip2-stream');
    const decoder = unbzip2();
    input.on('error', (error) => decoder.emit('error', error));
    input.pipe(decoder);
    // unbzip2-stream is a classic stream that emits 'close' right after 'end'; `Readable.wrap`
    // would take that close as a premature one, so bridge it through a PassThrough instead.
    const output = new PassThrough();
    decoder.on('error', (error: Error) => output.destroy(error));
    return decoder.pipe(output);
  }
  const xz = await loadXz();
  const web = Readable.toWeb(input) as unknown as ReadableStream<Uint8Array>;
  return Readable.fromWeb(new xz(web) as unknown as WebReadableStream<Uint8Array>);
}

type XzConstructor = new (compressed: ReadableStream<Uint8Array>) => ReadableStream<Uint8Array>;

// xz-decompress is a webpack-built CommonJS bundle: Node's ESM loader exposes it only as the
// default export, while bundlers and `require` see the named one.
async function loadXz(): Promise<XzConstructor> {
  const mod = (await import('xz-decompress')) as unknown as { XzReadableStream?: XzConstructor; default?: { XzReadableStream?: XzConstructor } };
  const ctor = mod.XzReadableStream ?? mod.default?.XzReadableStream;
  if (!ctor) throw new Error('xz-decompress does not export XzReadableStream');
  return ctor;
}
