const rowLen = 672, OH = 224, H = 200;
const src = Uint8Array.from({ length: rowLen * H }, (_, i) => (i * 2654435761) >>> 24);
const k0 = 1500000, k1 = 4194304 - 1500000;
function time(name: string, fn: () => unknown) {
  for (let i = 0; i < 50; i++) fn();
  let best = Infinity;
  for (let b = 0; b < 20; b++) {
    const t0 = performance.now();
    for (let i = 0; i < 25; i++) fn();
    best = Math.min(best, (performance.now() - t0) / 25);
  }
  console.log(name, best.toFixed(3), 'ms');
}
time('clamped store', () => {
  const out = new Uint8ClampedArray(OH * rowLen);
  for (let yy = 0; yy < OH; yy++) {
    const r0 = (yy % (H - 1)) * rowLen, r1 = r0 + rowLen, o = yy * rowLen;
    for (let i = 0; i < rowLen; i++) out[o + i] = ((1 << 21) + Math.imul(src[r0 + i]!, k0) + Math.imul(src[r1 + i]!, k1)) >> 22;
  }
  return out;
});
time('clamped store, plain mul', () => {
  const out = new Uint8ClampedArray(OH * rowLen);
  for (let yy = 0; yy < OH; yy++) {
    const r0 = (yy % (H - 1)) * rowLen, r1 = r0 + rowLen, o = yy * rowLen;
    for (let i = 0; i < rowLen; i++) out[o + i] = ((1 << 21) + src[r0 + i]! * k0 + src[r1 + i]! * k1) >> 22;
  }
  return out;
});
time('u8 store manual clamp', () => {
  const out = new Uint8Array(OH * rowLen);
  for (let yy = 0; yy < OH; yy++) {
    const r0 = (yy % (H - 1)) * rowLen, r1 = r0 + rowLen, o = yy * rowLen;
    for (let i = 0; i < rowLen; i++) { const v = ((1 << 21) + Math.imul(src[r0 + i]!, k0) + Math.imul(src[r1 + i]!, k1)) >> 22; out[o + i] = v < 0 ? 0 : v > 255 ? 255 : v; }
  }
  return out;
});
time('u8 store no clamp', () => {
  const out = new Uint8Array(OH * rowLen);
  for (let yy = 0; yy < OH; yy++) {
    const r0 = (yy % (H - 1)) * rowLen, r1 = r0 + rowLen, o = yy * rowLen;
    for (let i = 0; i < rowLen; i++) out[o + i] = ((1 << 21) + Math.imul(src[r0 + i]!, k0) + Math.imul(src[r1 + i]!, k1)) >> 22;
  }
  return out;
});
time('int|0 chain', () => {
  const out = new Uint8ClampedArray(OH * rowLen);
  for (let yy = 0; yy < OH; yy++) {
    const r0 = (yy % (H - 1)) * rowLen, r1 = r0 + rowLen, o = yy * rowLen;
    for (let i = 0; i < rowLen; i++) out[o + i] = ((((1 << 21) + Math.imul(src[r0 + i]!, k0)) | 0) + Math.imul(src[r1 + i]!, k1)) >> 22;
  }
  return out;
});
const kk = new Int32Array(OH * 3); const bounds = new Int32Array(OH * 2);
for (let y = 0; y < OH; y++) { kk[y * 3] = k0; kk[y * 3 + 1] = k1; bounds[2 * y] = y % (H - 1); bounds[2 * y + 1] = y % 3 === 0 ? 3 : 2; }
time('like verticalPass', () => {
  const out = new Uint8ClampedArray(OH * rowLen);
  for (let yy = 0; yy < OH; yy++) {
    const count = bounds[2 * yy + 1]!;
    const kb = yy * 3;
    const o = yy * rowLen;
    const r0 = bounds[2 * yy]! * rowLen;
    const r1 = r0 + rowLen;
    const r2 = r1 + rowLen;
    const k0 = kk[kb]!;
    const k1 = count > 1 ? kk[kb + 1]! : 0;
    const k2 = count > 2 ? kk[kb + 2]! : 0;
    if (count === 2) {
      for (let i = 0; i < rowLen; i++) out[o + i] = ((1 << 21) + src[r0 + i]! * k0 + src[r1 + i]! * k1) >> 22;
    } else if (count === 3) {
      for (let i = 0; i < rowLen; i++) out[o + i] = ((1 << 21) + src[r0 + i]! * k0 + src[r1 + i]! * k1 + src[r2 + i]! * k2) >> 22;
    }
  }
  return out;
});
function vp(variant: number) {
  const out = new Uint8ClampedArray(OH * rowLen);
  for (let yy = 0; yy < OH; yy++) {
    const count = bounds[2 * yy + 1]!;
    const kb = yy * 3;
    const o = yy * rowLen;
    const r0 = bounds[2 * yy]! * rowLen;
    const r1 = r0 + rowLen;
    const r2 = r1 + rowLen;
    const k0 = kk[kb]!;
    const k1 = count > 1 ? kk[kb + 1]! : 0;
    const k2 = count > 2 ? kk[kb + 2]! : 0;
    if (count === 2) {
      if (variant === 0) for (let i = 0; i < rowLen; i++) out[o + i] = (((1 << 21) + Math.imul(src[r0 + i]!, k0) | 0) + Math.imul(src[r1 + i]!, k1) | 0) >> 22;
      else for (let i = 0; i < rowLen; i++) out[o + i] = ((1 << 21) + Math.imul(src[r0 + i]!, k0) + Math.imul(src[r1 + i]!, k1)) >> 22;
    } else if (count === 3) {
      if (variant === 0) for (let i = 0; i < rowLen; i++) out[o + i] = ((((1 << 21) + Math.imul(src[r0 + i]!, k0) | 0) + Math.imul(src[r1 + i]!, k1) | 0) + Math.imul(src[r2 + i]!, k2) | 0) >> 22;
      else for (let i = 0; i < rowLen; i++) out[o + i] = ((1 << 21) + Math.imul(src[r0 + i]!, k0) + Math.imul(src[r1 + i]!, k1) + Math.imul(src[r2 + i]!, k2)) >> 22;
    }
  }
  return out;
}
time('variable k, imul |0', () => vp(0));
time('variable k, imul double add', () => vp(1));
