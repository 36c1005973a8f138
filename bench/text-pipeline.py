"""The plain Python text pipeline @dl/text's bench/text-pipeline.bench.ts compares against: the
lines of a file through torchtext's basic_english tokenizer, a vocabulary built with a Counter
(specials first, then by frequency), each line numericalized, and batches of 64 padded into
[seq, batch] LongTensors, as a hand-written torchtext-style loop does it. Prints the lines per
second of each epoch (after one warm-up) as JSON on the last line.

usage: /usr/bin/python3 text-pipeline.py LINES_FILE EPOCHS
"""
import collections
import json
import re
import sys
import time

import torch

# torchtext's basic_english tokenizer (torchtext/data/utils.py, `_basic_english_normalize`): the
# same compiled patterns and replacements, applied in order, then str.split().
_patterns = [r'\'', r'\"', r'\.', r'<br \/>', r',', r'\(', r'\)', r'\!', r'\?', r'\;', r'\:', r'\s+']
_replacements = [' \'  ', '', ' . ', ' ', ' , ', ' ( ', ' ) ', ' ! ', ' ? ', ' ', ' ', ' ']
_patterns_dict = list((re.compile(p), r) for p, r in zip(_patterns, _replacements))


def tokenize(line):
    line = line.lower()
    for pattern_re, replaced_str in _patterns_dict:
        line = pattern_re.sub(replaced_str, line)
    return line.split()

path, epochs = sys.argv[1], int(sys.argv[2])
with open(path, encoding='utf8') as f:
    lines = f.read().split('\n')[:-1]


def pipeline():
    tokens = [tokenize(line) for line in lines]
    counter = collections.Counter(t for toks in tokens for t in toks)
    itos = ['<unk>', '<pad>'] + [w for w, _ in sorted(sorted(counter.items()), key=lambda kv: -kv[1])]
    stoi = collections.defaultdict(int, {w: i for i, w in enumerate(itos)})
    ids = [[stoi[t] for t in toks] for toks in tokens]
    n = 0
    for start in range(0, len(ids), 64):
        chunk = ids[start:start + 64]
        longest = max(len(x) for x in chunk)
        padded = [x + [1] * (longest - len(x)) for x in chunk]
        batch = torch.tensor(padded, dtype=torch.long).t().contiguous()
        n += batch.shape[1]
    return n


rates = []
for e in range(epochs + 1):
    t0 = time.perf_counter()
    n = pipeline()
    dt = time.perf_counter() - t0
    if e > 0:
        rates.append(n / dt)
print(json.dumps({'rates': rates, 'threads': torch.get_num_threads(), 'lines': len(lines)}))
