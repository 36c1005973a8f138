"""PyTorch's side of audio-load.bench.ts: torchaudio.load of a 1 s, 16 kHz, 16-bit mono WAV,
from its path and from its bytes (a BytesIO, torchaudio's file-object path).

Usage: /usr/bin/python3 audio-load.torch.py FILE ROUNDS LOADS_PER_ROUND
Prints one JSON line: {"path": [loads/s per round], "buffer": [...], "threads": torch.get_num_threads()}.
"""
import io
import json
import sys
import time

import torch
import torchaudio

path, rounds, per_round = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(path, 'rb') as f:
    data = f.read()


def rate(fn):
    for _ in range(per_round // 10):  # warm-up
        fn()
    t0 = time.perf_counter()
    for _ in range(per_round):
        fn()
    return per_round / (time.perf_counter() - t0)


result = {'path': [], 'buffer': [], 'threads': torch.get_num_threads()}
for _ in range(rounds):
    result['path'].append(rate(lambda: torchaudio.load(path)))
    result['buffer'].append(rate(lambda: torchaudio.load(io.BytesIO(data))))
print(json.dumps(result))
