#!/usr/bin/env python3
"""The peer of benches/lora_vs_peft.sh: a random Llama built with transformers, and PyTorch + PEFT
LoRA training on it. Never in CI.

    lora_vs_peft.py make OUT_DIR            # a ~30M-parameter Llama (random init) + the fixture tokenizer
    lora_vs_peft.py make OUT_DIR --shape smollm2-135m   # SmolLM2-135M's configuration, random init
    lora_vs_peft.py train BASE_DIR --batch 4 --context 128 --steps 30 --warmup 5 --threads 2

`train` prints one JSON line: tokens/s over the timed steps (after the warm-up), the versions.
"""

import argparse
import json
import os
import shutil
import sys
import time

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, ".."))
TARGETS = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
TOKENIZER = os.path.join(ROOT, "fixtures", "lora", "llama")


SHAPES = {
    "bench-30m": dict(
        vocab_size=8192,
        hidden_size=512,
        intermediate_size=1376,
        num_hidden_layers=8,
        num_attention_heads=8,
        num_key_value_heads=4,
        max_position_embeddings=1024,
        tie_word_embeddings=False,
    ),
    # HuggingFaceTB/SmolLM2-135M's config.json (its weights are not needed: shapes decide memory).
    "smollm2-135m": dict(
        vocab_size=49152,
        hidden_size=576,
        intermediate_size=1536,
        num_hidden_layers=30,
        num_attention_heads=9,
        num_key_value_heads=3,
        max_position_embeddings=2048,
        rope_theta=100000.0,
        tie_word_embeddings=True,
    ),
}


def make(out, shape="bench-30m"):
    from transformers import LlamaConfig, LlamaForCausalLM

    torch.manual_seed(0)
    cfg = LlamaConfig(
        rms_norm_eps=1e-5,
        bos_token_id=0,
        eos_token_id=4,
        pad_token_id=1,
        **SHAPES[shape],
    )
    model = LlamaForCausalLM(cfg)
    model.save_pretrained(out, safe_serialization=True)
    for f in ["tokenizer.json", "tokenizer_config.json", "chat_template.jinja"]:
        shutil.copy(os.path.join(TOKENIZER, f), os.path.join(out, f))
    n = sum(p.numel() for p in model.parameters())
    print(json.dumps({"parameters": n, "dir": out}))


def train(a):
    import peft
    import transformers
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM

    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    model = AutoModelForCausalLM.from_pretrained(a.base, dtype=torch.float32)
    model.config.use_cache = False
    lcfg = LoraConfig(
        r=a.rank,
        lora_alpha=2 * a.rank,
        lora_dropout=0.05,
        target_modules=TARGETS,
        task_type="CAUSAL_LM",
    )
    m = get_peft_model(model, lcfg)
    m.train()
    params = [p for p in m.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=1e-3, weight_decay=0.0)
    g = torch.Generator().manual_seed(2)
    # Token ids of the fixture tokenizer's vocabulary, as cohort's batches of the corpus.
    data = torch.randint(0, 384, (a.warmup + a.steps, a.batch, a.context), generator=g)
    t0 = None
    for i in range(a.warmup + a.steps):
        if i == a.warmup:
            t0 = time.perf_counter()
        x = data[i]
        loss = m(input_ids=x, labels=x).loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        opt.zero_grad(set_to_none=True)
    dt = time.perf_counter() - t0
    print(
        json.dumps(
            {
                "tokens_per_s": a.steps * a.batch * a.context / dt,
                "seconds": dt,
                "trainable": sum(p.numel() for p in params),
                "torch": torch.__version__,
                "transformers": transformers.__version__,
                "peft": peft.__version__,
            }
        )
    )


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    mk = sub.add_parser("make")
    mk.add_argument("out")
    mk.add_argument("--shape", choices=sorted(SHAPES), default="bench-30m")
    tr = sub.add_parser("train")
    tr.add_argument("base")
    tr.add_argument("--batch", type=int, default=4)
    tr.add_argument("--context", type=int, default=128)
    tr.add_argument("--steps", type=int, default=30)
    tr.add_argument("--warmup", type=int, default=5)
    tr.add_argument("--threads", type=int, default=2)
    tr.add_argument("--rank", type=int, default=8)
    a = p.parse_args()
    if a.cmd == "make":
        make(a.out, a.shape)
    else:
        train(a)


if __name__ == "__main__":
    sys.exit(main())
