import { describe, it, expect, afterAll } from 'vitest';
import { openImage, decodeImage, setImageBackend } from '../../src/io/index';
import { resetImageBackend } from '../../src/io/image-backend';
import { ioFixtures, fixtureBytes, pixels, diff } from './io-fixtures';

describe.each(['sharp', 'wasm'] as const)('%s', (backend) => {
  afterAll(() => resetImageBackend());
  it('all', async () => {
    setImageBackend(backend);
    const rows: string[] = [];
    for (const [name, fx] of Object.entries(ioFixtures)) {
      const bytes = fixtureBytes(name);
      for (const mode of ['L', 'RGB', 'RGBA'] as const) {
        try {
          const img = await openImage(bytes, { mode });
          const d = diff(img.data, pixels(fx.convert[mode]));
          if (d.max) rows.push(`${name} ${mode} max ${d.max} count ${d.count}`);
        } catch (e) { rows.push(`${name} ${mode} ERR ${(e as Error).message}`); }
      }
      try {
        const t = await decodeImage(bytes, { mode: 'gray_alpha' });
        const data = t.dataSync(); const [c, h, w] = t.shape; const hwc = new Uint8Array(c*h*w);
        for (let k = 0; k < c; k++) for (let i = 0; i < h*w; i++) hwc[i*c+k] = data[k*h*w+i];
        const d = diff(hwc, pixels(fx.convert.LA));
        if (d.max) rows.push(`${name} LA max ${d.max} count ${d.count}`);
      } catch (e) { rows.push(`${name} LA ERR ${(e as Error).message}`); }
      const nat = await openImage(bytes).catch((e) => e.message);
      rows.push(`  natural ${name} pil=${fx.pilMode} ours=${typeof nat === 'string' ? nat : nat.mode}`);
    }
    console.log(backend + '\n' + rows.join('\n'));
  });
});
