"""Training throughput of PyTorch on CPU for the same model, batch and steps as cohort's builtin
trainer (see benches/trainer_vs_pytorch.sh, which runs both and prints the ratio).

The model mirrors src/trainer/model.rs: byte embedding tied with the output layer, learned
positions, pre-norm blocks (LayerNorm, causal multi-head attention with a fused qkv projection,
GELU-tanh MLP of width 4W), final LayerNorm; AdamW with gradient clipping.

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
    def __init__(self, w, heads):
        super().__init__()
        self.heads = heads
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
        mask = torch.ones(t, t, dtype=torch.bool).tril()
        att = att.masked_fill(~mask, float("-inf")).softmax(dim=-1)
        y = (att @ v).transpose(1, 2).reshape(b, t, w)
        x = x + self.proj(y)
        return x + self.out(F.gelu(self.fc(self.ln2(x)), approximate="tanh"))


class ByteLM(nn.Module):
    def __init__(self, layers, w, heads, context):
        super().__init__()
        self.tok = nn.Embedding(256, w)
        self.pos = nn.Parameter(torch.randn(context, w) * 0.01)
        self.blocks = nn.ModuleList(Block(w, heads) for _ in range(layers))
        self.ln_f = nn.LayerNorm(w)

    def forward(self, idx):
        x = self.tok(idx) + self.pos[: idx.shape[1]]
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
    args = ap.parse_args()
    threads = int(os.environ.get("RAYON_NUM_THREADS", torch.get_num_threads()))
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    data = torch.tensor(list(open(args.data, "rb").read()), dtype=torch.long)
    model = ByteLM(args.layers, args.width, args.heads, args.context)
    opt = torch.optim.AdamW(model.parameters(), lr=3e-3, betas=(0.9, 0.95), weight_decay=0.01)
    t = args.context

    def step():
        ix = torch.randint(0, len(data) - t - 1, (args.batch,))
        x = torch.stack([data[i : i + t] for i in ix])
        y = torch.stack([data[i + 1 : i + t + 1] for i in ix])
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
    print(json.dumps({"tokens_per_s": tokens / secs, "steps": args.steps, "threads": threads,
                      "torch": torch.__version__}))


if __name__ == "__main__":
    main()
