"""PyTorch's side of data-loader.bench.ts, to re-measure the anchors on this machine.

Run with a PyTorch install (Debian: apt-get install python3-torch): /usr/bin/python3 data-loader.torch.py
"""
import math
import os
import statistics
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


def rates(loader, epochs, warmup):
    out = []
    for e in range(warmup + epochs):
        t0 = time.perf_counter()
        for _ in loader:
            pass
        if e >= warmup:
            out.append(1000 / (time.perf_counter() - t0))
    return out


if __name__ == '__main__':
    print('load average', os.getloadavg()[0])
    ds = FizBuzDataset()
    print('0 workers', round(statistics.median(rates(DataLoader(ds, batch_size=64, shuffle=True), 40, 5))))
    print('2 workers', round(statistics.median(rates(DataLoader(ds, batch_size=64, shuffle=True, num_workers=2), 5, 0))))
    print('2 persistent workers', round(statistics.median(rates(DataLoader(ds, batch_size=64, shuffle=True, num_workers=2, persistent_workers=True), 20, 1))))
