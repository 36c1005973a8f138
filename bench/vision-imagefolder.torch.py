"""PyTorch's side of vision-imagefolder.bench.ts: torchvision + PIL reading an ImageFolder of JPEGs
through RandomResizedCrop(224), RandomHorizontalFlip, ToTensor, Normalize and a DataLoader (batch 32).

Usage: /usr/bin/python3 vision-imagefolder.torch.py FOLDER WORKERS EPOCHS
Prints one JSON line: {"rates": [images/s per measured epoch], "threads": torch.get_num_threads()}.
"""
import json
import sys
import time

import torch
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

folder, workers, epochs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
torch.manual_seed(0)
tf = transforms.Compose([
    transforms.RandomResizedCrop(224),
    transforms.RandomHorizontalFlip(),
    transforms.ToTensor(),
    transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225]),
])
ds = datasets.ImageFolder(folder, transform=tf)
loader = DataLoader(ds, batch_size=32, shuffle=True, num_workers=workers)
rates = []
for epoch in range(epochs + 1):  # the first epoch warms up (file cache, imports)
    t0 = time.perf_counter()
    n = 0
    for x, y in loader:
        n += x.shape[0]
    dt = time.perf_counter() - t0
    if epoch > 0:
        rates.append(n / dt)
print(json.dumps({"rates": rates, "threads": torch.get_num_threads()}))
