"""PyTorch's side of data-loader.bench.ts, to re-measure the anchors on this machine.

Run with a PyTorch install (Debian: apt-get install python3-torch): /usr/bin/python3 data-loader.torch.py
`--json` prints one JSON object (data-loader.bench.ts runs this file and prints its figures beside
its own, from the same run); `--quick` measures fewer epochs.
"""
import json
import os
import statistics
import sys
import time
from dataclasses import dataclass

from torch.utils.data import DataLoader, Dataset


@dataclass(eq=False)
class FizBuzDataset(Dataset):
    input_size: int = 10
    start: int = 0
    end: int = 1000

    def encoder(self, num):
        ret = [int(i) for i in '{0:b}'.format(num)]
        return [0] * (self.input_size - len(ret)) + ret

    def __getitem__(self, idx):
        idx += self.start
        x = self.encoder(idx)
        if idx % 15 == 0:
            y = [1, 0, 0, 0]
        elif idx % 5 == 0:
            y = [0, 1, 0, 0]
        elif idx % 3 == 0:
            y = [0, 0, 1, 0]
        else:
            y = [0, 0, 0, 1]
        return x, y

    def __len__(self):
        return self.end - self.start


def epochs(loader, count, warmup):
    """Samples/s of each measured epoch and the seconds from the start of each epoch to its first batch."""
    rates, firsts = [], []
    for e in range(warmup + count):
        t0 = time.perf_counter()
        first = None
        for _ in loader:
            if first is None:
                first = time.perf_counter() - t0
        if e >= warmup:
            rates.append(1000 / (time.perf_counter() - t0))
            firsts.append(first)
    return rates, firsts


if __name__ == '__main__':
    quick = '--quick' in sys.argv
    load_before = os.getloadavg()[0]
    ds = FizBuzDataset()
    zero, _ = epochs(DataLoader(ds, batch_size=64, shuffle=True), 10 if quick else 40, 5)
    fresh, fresh_first = epochs(DataLoader(ds, batch_size=64, shuffle=True, num_workers=2), 3 if quick else 7, 0)
    persistent, _ = epochs(DataLoader(ds, batch_size=64, shuffle=True, num_workers=2, persistent_workers=True), 5 if quick else 20, 1)
    out = {
        'torch': __import__('torch').__version__,
        'load_average': [load_before, os.getloadavg()[0]],
        'zero_workers': statistics.median(zero),
        'fresh_workers': statistics.median(fresh),
        'fresh_first_batch_s': statistics.median(fresh_first),
        'persistent_workers': statistics.median(persistent),
    }
    if '--json' in sys.argv:
        print(json.dumps(out))
    else:
        print('load average', load_before)
        print('0 workers', round(out['zero_workers']))
        print('2 workers (fresh each epoch)', round(out['fresh_workers']), 'samples/s; first batch after', round(out['fresh_first_batch_s'], 3), 's')
        print('2 persistent workers', round(out['persistent_workers']))
