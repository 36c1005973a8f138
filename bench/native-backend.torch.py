"""PyTorch's side of native-backend.bench.ts: the same workloads, printed as one JSON object.

Run with a PyTorch install (Debian: apt-get install python3-torch python3-torchvision):
    OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 /usr/bin/python3 native-backend.torch.py [--quick] [--threads 1]
    /usr/bin/python3 native-backend.torch.py --threads default

torch.set_num_threads() does not reach the BLAS Debian's torch calls for matrix products
(OpenBLAS, through libblas.so.3, with its own thread pool): at "1 thread" its products ran on
both cores here. So the caller sets OPENBLAS_NUM_THREADS (and OMP_NUM_THREADS) before Python
starts, one process per thread count; 'default' changes nothing (PyTorch as a user runs it).
"""
import json
import os
import statistics
import sys
import time

import torch
import torch.nn as nn

QUICK = '--quick' in sys.argv


def gemm(rounds):
    a, b = torch.randn(512, 512), torch.randn(512, 512)
    for _ in range(5):
        torch.mm(a, b)
    out = []
    for _ in range(rounds):
        reps = 20
        t0 = time.perf_counter()
        for _ in range(reps):
            torch.mm(a, b)
        out.append(2 * 512 ** 3 * reps / (time.perf_counter() - t0) / 1e9)
    return statistics.median(out)


def train(model, opt, x, y, steps, rounds):
    loss_fn = nn.CrossEntropyLoss()

    def step():
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
        return loss.item()

    # Untimed rounds, as the TypeScript side: at least 2 rounds and 1.5 s.
    warm_start = time.perf_counter()
    r = 0
    while r < 2 or time.perf_counter() - warm_start < 1.5:
        for _ in range(steps):
            step()
        r += 1
    rates = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _ in range(steps):
            step()
        rates.append(steps * x.shape[0] / (time.perf_counter() - t0))
    return statistics.median(rates)


def mlp(rounds):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    return train(model, opt, torch.randn(64, 784), torch.randint(0, 10, (64,)), 20, rounds)


def cnn(rounds):
    torch.manual_seed(0)
    model = nn.Sequential(
        nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(1600, 128), nn.ReLU(), nn.Linear(128, 10))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    return train(model, opt, torch.randn(64, 1, 28, 28), torch.randint(0, 10, (64,)), 3, rounds)


def resnet(rounds):
    import torchvision
    torch.manual_seed(0)
    model = torchvision.models.resnet18(num_classes=10)
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    rate = train(model, opt, torch.randn(8, 3, 64, 64), torch.randint(0, 10, (8,)), 1, rounds)
    return 8 / rate * 1000  # ms per step


if __name__ == '__main__':
    threads = [1, 2]
    for i, a in enumerate(sys.argv):
        if a == '--threads':
            threads = [t if t == 'default' else int(t) for t in sys.argv[i + 1].split(',')]
    result = {'torch': torch.__version__, 'default_threads': torch.get_num_threads(), 'blas_threads': os.environ.get('OPENBLAS_NUM_THREADS', 'default'), 'load': os.getloadavg()[0], 'by_threads': {}}
    r = 3 if QUICK else 7
    for t in threads:
        if t != 'default':
            torch.set_num_threads(int(t))
        row = {'gemm': gemm(r), 'mlp': mlp(r), 'cnn': cnn(3 if QUICK else 5)}
        try:
            row['resnet'] = resnet(3 if QUICK else 5)
        except ImportError:
            row['resnet'] = None
        result['by_threads'][str(t)] = row
    print(json.dumps(result))
