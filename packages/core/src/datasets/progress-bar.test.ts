import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration } from './format-bytes';
import { ProgressBar } from './progress-bar';

function sink(isTTY: boolean, columns?: number) {
  const out = { text: '', isTTY, columns, write: (t: string) => (out.text += t) };
  return out;
}

describe('ProgressBar', () => {
  it('draws a bar that fits the terminal width', () => {
    const tty = sink(true, 60);
    const bar = new ProgressBar('train-images.gz', 'bar', tty, 1000);
    bar.update(250);
    bar.finish(1000, true);
    const lines = tty.text.replaceAll('\x1b[K', '').split('\r').filter(Boolean);
    expect(lines[0]).toMatch(/^train-imag…  25% \|█+ +\| 250 B\/1.00 kB [\d.]+ [kMG]?B\/s ETA \d+s$/);
    for (const line of lines) expect(line.replace('\n', '').length).toBeLessThanOrEqual(59);
    expect(tty.text.endsWith('\n')).toBe(true);
  });

  it('shows only the byte count when the size is unknown, and marks failures', () => {
    const tty = sink(true, 80);
    const bar = new ProgressBar('data', 'bar', tty, undefined);
    bar.update(5_000_000);
    bar.finish(5_000_000, false);
    expect(tty.text).toMatch(/^\rdata 5\.00 MB [\d.]+ [kMG]?B\/s\x1b\[K\rdata 5\.00 MB [\d.]+ [kMG]?B\/s failed\x1b\[K\n$/);
  });

  it('prints a line per 10 MB when the size is unknown in lines mode', () => {
    const log = sink(false);
    const bar = new ProgressBar('data', 'lines', log, undefined);
    for (let bytes = 0; bytes <= 25_000_000; bytes += 1_000_000) bar.update(bytes);
    expect(log.text).toBe('data: 10.0 MB\ndata: 20.0 MB\n');
  });
});

describe('formatBytes and formatDuration', () => {
  it('formats sizes in SI units and durations in s, m, h', () => {
    expect([0, 999, 1000, 123_456, 9_870_000_000].map(formatBytes)).toEqual(['0 B', '999 B', '1.00 kB', '123 kB', '9.87 GB']);
    expect([0.4, 42, 185, 3720].map(formatDuration)).toEqual(['0s', '42s', '3m05s', '1h02m']);
  });
});
