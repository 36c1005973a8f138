import { describe, expect, it } from 'vitest';
import { Tensor } from '../tensor/tensor';
import { CheckpointError } from './checkpoint-error';
import { readPickle } from './read-pickle';
import { UnpicklingError } from './unpickling-error';

// pickle.dumps({'data': np.arange(6, dtype=np.uint8).reshape(2, 3), 'labels': [3, 1], 'name': b'x\xff',
//               'scale': np.float64(0.5)}, protocol=2), from Python 3.11 / numpy 1.24.
const DICT_P2 =
  'gAJ9cQAoWAQAAABkYXRhcQFjbnVtcHkuY29yZS5tdWx0aWFycmF5Cl9yZWNvbnN0cnVjdApxAmNudW1weQpuZGFycmF5CnEDSwCFcQRjX2NvZGVjcwplbmNvZGUKcQVYAQAAAGJxBlgGAAAAbGF0aW4xcQeGcQhScQmHcQpScQsoSwFLAksDhnEMY251bXB5CmR0eXBlCnENWAIAAAB1MXEOiYiHcQ9ScRAoSwNYAQAAAHxxEU5OTkr/////Sv////9LAHRxEmKJaAVYBgAAAAABAgMEBXETaAeGcRRScRV0cRZiWAYAAABsYWJlbHNxF11xGChLA0sBZVgEAAAAbmFtZXEZaAVYAwAAAHjDv3EaaAeGcRtScRxYBQAAAHNjYWxlcR1jbnVtcHkuY29yZS5tdWx0aWFycmF5CnNjYWxhcgpxHmgNWAIAAABmOHEfiYiHcSBScSEoSwNYAQAAADxxIk5OTkr/////Sv////9LAHRxI2JoBVgJAAAAAAAAAAAAw6A/cSRoB4ZxJVJxJoZxJ1JxKHUu';
// pickle.dumps({'f': np.array([[1.5, 2.5]], dtype='>f8', order='F').T}, protocol=4)
const BIG_ENDIAN_P4 =
  'gASVoQAAAAAAAAB9lIwBZpSMFW51bXB5LmNvcmUubXVsdGlhcnJheZSMDF9yZWNvbnN0cnVjdJSTlIwFbnVtcHmUjAduZGFycmF5lJOUSwCFlEMBYpSHlFKUKEsBSwJLAYaUaAWMBWR0eXBllJOUjAJmOJSJiIeUUpQoSwOMAT6UTk5OSv////9K/////0sAdJRiiUMQP/gAAAAAAABABAAAAAAAAJR0lGJzLg==';

const b64 = (s: string) => Uint8Array.from(Buffer.from(s, 'base64'));

describe('readPickle', () => {
  it('reads a dict of numpy arrays, lists, bytes and numpy scalars as pickle.dump writes it', () => {
    const v = readPickle(b64(DICT_P2), 'batch.pkl') as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['data', 'labels', 'name', 'scale']);
    const data = v.data as Tensor;
    expect(data).toBeInstanceOf(Tensor);
    expect(data.dtype).toBe('int32');
    expect(data.tolist()).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    expect(v.labels).toEqual([3, 1]);
    expect(v.name).toEqual(Uint8Array.of(0x78, 0xff));
    expect(v.scale).toBe(0.5);
  });

  it('reads big-endian numpy arrays (protocol 4)', () => {
    const v = readPickle(b64(BIG_ENDIAN_P4)) as Record<string, Tensor>;
    expect(v.f.shape).toEqual([2, 1]);
    expect(v.f.tolist()).toEqual([[1.5], [2.5]]);
  });

  it('decodes Python 2 str (SHORT_BINSTRING) as latin-1, like encoding="latin1"', () => {
    // {'label_names': ['cat']} as Python 2's cPickle protocol 2 writes it.
    const bytes = Uint8Array.from(Buffer.from('\x80\x02}q\x01U\x0blabel_namesq\x02]q\x03U\x03catq\x04as.', 'latin1'));
    expect(readPickle(bytes)).toEqual({ label_names: ['cat'] });
  });

  it('refuses globals outside the allow-list, naming them', () => {
    const bytes = Uint8Array.from(Buffer.from('\x80\x02cos\nsystem\nq\x00X\x02\x00\x00\x00idq\x01\x85q\x02Rq\x03.', 'latin1'));
    expect(() => readPickle(bytes, 'evil.pkl')).toThrow(UnpicklingError);
    expect(() => readPickle(bytes, 'evil.pkl')).toThrow(/refusing global 'os\.system'/);
  });

  it('names the file when it is truncated or empty', () => {
    const bytes = b64(DICT_P2);
    expect(() => readPickle(bytes.subarray(0, 40), 'short.pkl')).toThrow(CheckpointError);
    expect(() => readPickle(bytes.subarray(0, 40), 'short.pkl')).toThrow(/^short\.pkl: /);
    expect(() => readPickle(new Uint8Array(0), 'empty.pkl')).toThrow(new CheckpointError('empty.pkl: the file is empty (not a pickle)'));
  });
});
