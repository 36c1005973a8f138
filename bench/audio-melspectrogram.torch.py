"""PyTorch's side of audio-melspectrogram.bench.ts: torchaudio's MelSpectrogram(16000, n_fft=400,
hop_length=160, n_mels=80) on 1 s clips at 16 kHz.

Usage: /usr/bin/python3 audio-melspectrogram.torch.py BATCH
Reads commands from stdin, one per line: "single CALLS" (one clip per call) or "batched CALLS"
(BATCH clips per call); answers each with one JSON line, {"wall": clips/s, "cpu": clips per
CPU-second of the process}. The benchmark alternates rounds of both sides, so load on the machine
affects both alike. "quit" ends. The first line printed is {"threads": torch.get_num_threads()}
once torch is loaded and warmed up.
"""
import json
import sys
import time

import torch
import torchaudio

batch = int(sys.argv[1])
torch.manual_seed(0)
mel = torchaudio.transforms.MelSpectrogram(16000, n_fft=400, hop_length=160, n_mels=80)
inputs = {"single": torch.randn(1, 16000), "batched": torch.randn(batch, 16000)}


def rate(x, n):
    t0 = time.perf_counter()
    c0 = time.process_time()
    for _ in range(n):
        mel(x)
    clips = n * x.shape[0]
    return {"wall": clips / (time.perf_counter() - t0), "cpu": clips / (time.process_time() - c0)}


with torch.no_grad():
    rate(inputs["single"], 200)
    rate(inputs["batched"], 20)
    print(json.dumps({"threads": torch.get_num_threads()}), flush=True)
    for line in sys.stdin:
        parts = line.split()
        if not parts or parts[0] == "quit":
            break
        print(json.dumps(rate(inputs[parts[0]], int(parts[1]))), flush=True)
