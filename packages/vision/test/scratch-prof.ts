import { Image } from '../src/image/image';
import { resize } from '../src/transforms/functional/resize';
const img = new Image(200, 200, 'RGB', Uint8Array.from({ length: 200 * 200 * 3 }, (_, i) => (i * 2654435761) >>> 24));
for (let i = 0; i < 3000; i++) resize(img, [224, 224]);
