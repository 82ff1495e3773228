"""Training throughput of PyTorch for the same model, batch and steps as cohort's builtin trainer,
on the CPU (benches/trainer_vs_pytorch.sh) or a GPU (benches/gpu/trainer_vs_pytorch.sh); each
script runs both and prints the ratio.

The model mirrors src/trainer/model.rs: byte embedding tied with the output layer, learned
positions, pre-norm blocks (LayerNorm, causal multi-head attention with a fused qkv projection,
GELU-tanh MLP of width 4W), final LayerNorm; dropout (when given) where cohort applies it: on the
embeddings and on each block's attention and MLP outputs; AdamW with gradient clipping.

Prints one JSON line: {"tokens_per_s": ..., "steps": ..., "threads": ...}.
"""

import argparse
import json
import math
import os
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, w, heads, dropout):
        super().__init__()
        self.heads = heads
        self.drop = nn.Dropout(dropout)
        self.ln1 = nn.LayerNorm(w)
        self.qkv = nn.Linear(w, 3 * w)
        self.proj = nn.Linear(w, w)
        self.ln2 = nn.LayerNorm(w)
        self.fc = nn.Linear(w, 4 * w)
        self.out = nn.Linear(4 * w, w)

    def forward(self, x):
        b, t, w = x.shape
        q, k, v = self.qkv(self.ln1(x)).split(w, dim=2)
        hd = w // self.heads
        q, k, v = (z.view(b, t, self.heads, hd).transpose(1, 2) for z in (q, k, v))
        att = (q @ k.transpose(-2, -1)) / math.sqrt(hd)
        mask = torch.ones(t, t, dtype=torch.bool, device=x.device).tril()
        att = att.masked_fill(~mask, float("-inf")).softmax(dim=-1)
        y = (att @ v).transpose(1, 2).reshape(b, t, w)
        x = x + self.drop(self.proj(y))
        return x + self.drop(self.out(F.gelu(self.fc(self.ln2(x)), approximate="tanh")))


class ByteLM(nn.Module):
    def __init__(self, layers, w, heads, context, dropout=0.0):
        super().__init__()
        self.tok = nn.Embedding(256, w)
        self.pos = nn.Parameter(torch.randn(context, w) * 0.01)
        self.drop = nn.Dropout(dropout)
        self.blocks = nn.ModuleList(Block(w, heads, dropout) for _ in range(layers))
        self.ln_f = nn.LayerNorm(w)

    def forward(self, idx):
        x = self.drop(self.tok(idx) + self.pos[: idx.shape[1]])
        for blk in self.blocks:
            x = blk(x)
        return self.ln_f(x) @ self.tok.weight.t()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True, help="a text file")
    ap.add_argument("--layers", type=int, default=2)
    ap.add_argument("--width", type=int, default=64)
    ap.add_argument("--heads", type=int, default=4)
    ap.add_argument("--context", type=int, default=64)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--steps", type=int, default=100)
    ap.add_argument("--warmup", type=int, default=10)
    ap.add_argument("--dropout", type=float, default=0.0)
    ap.add_argument("--device", default="cpu", help="cpu or cuda")
    args = ap.parse_args()
    dev = torch.device(args.device)
    threads = int(os.environ.get("RAYON_NUM_THREADS", torch.get_num_threads()))
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    data = torch.tensor(list(open(args.data, "rb").read()), dtype=torch.long, device=dev)
    model = ByteLM(args.layers, args.width, args.heads, args.context, args.dropout).to(dev)
    opt = torch.optim.AdamW(model.parameters(), lr=3e-3, betas=(0.9, 0.95), weight_decay=0.01)
    t = args.context

    def step():
        ix = torch.randint(0, len(data) - t - 1, (args.batch,), device=dev)
        rows = ix[:, None] + torch.arange(t, device=dev)
        x, y = data[rows], data[rows + 1]
        loss = F.cross_entropy(model(x).view(-1, 256), y.view(-1))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        return loss.item()

    for _ in range(args.warmup):
        step()
    start = time.perf_counter()
    for _ in range(args.steps):
        step()
    secs = time.perf_counter() - start
    tokens = args.steps * args.batch * t
    out = {"tokens_per_s": tokens / secs, "steps": args.steps, "threads": threads,
           "torch": torch.__version__, "device": args.device,
           "parameters": sum(p.numel() for p in model.parameters())}
    if dev.type == "cuda":
        out["gpu"] = torch.cuda.get_device_name(dev)
        out["peak_allocated_bytes"] = torch.cuda.max_memory_allocated(dev)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
