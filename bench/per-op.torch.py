"""PyTorch's side of per-op.bench.ts: microseconds per small op, median of rounds.

Prints one JSON object. Run: /usr/bin/python3 per-op.torch.py [rounds]
"""
import json
import statistics
import sys
import time

import torch


def per_call_us(fn, n=100_000, rounds=7):
    for _ in range(n // 10):
        fn()
    out = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _ in range(n):
            fn()
        out.append((time.perf_counter() - t0) / n * 1e6)
    return statistics.median(out)


rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 7
a = torch.tensor([1.0, 2.0, 3.0, 4.0])
b = torch.tensor([5.0, 6.0, 7.0, 8.0])
x = torch.tensor([0.5, -1.0, 2.0])
w = torch.tensor([1.5, 2.0, -0.5], requires_grad=True)
print(json.dumps({
    'threads': torch.get_num_threads(),
    'add': per_call_us(lambda: torch.add(a, b), rounds=rounds),
    'tensor': per_call_us(lambda: torch.tensor([1.0, 2.0, 3.0, 4.0]), rounds=rounds),
    'chain': per_call_us(lambda: a.mul(2).add(b).relu().sum(), rounds=rounds),
    'grad': per_call_us(lambda: (x * w).sigmoid(), n=50_000, rounds=rounds),
}))
