#!/usr/bin/env python3
"""The peer of benches/lora_vs_peft.sh: a random Llama built with transformers, and PyTorch + PEFT
LoRA training on it. Never in CI.

    lora_vs_peft.py make OUT_DIR            # a ~30M-parameter Llama (random init) + the fixture tokenizer
    lora_vs_peft.py make OUT_DIR --shape smollm2-135m   # SmolLM2-135M's configuration, random init
    lora_vs_peft.py make OUT_DIR --shape qwen2.5-0.5b   # Qwen2.5-0.5B's configuration (Qwen2), bf16
    lora_vs_peft.py train BASE_DIR --batch 4 --context 128 --steps 30 --warmup 5 --threads 2
    lora_vs_peft.py train BASE_DIR --device cuda --dtype bf16 --rank 16 …   (benches/gpu/lora_vs_peft.sh)

`train` prints one JSON line: tokens/s over the timed steps (after the warm-up), the versions, and
on a GPU the peak memory PyTorch's allocator held (allocated and reserved).
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
    # Qwen/Qwen2.5-0.5B-Instruct's config.json (Qwen2: q/k/v biases, tied embeddings).
    "qwen2.5-0.5b": dict(
        vocab_size=151936,
        hidden_size=896,
        intermediate_size=4864,
        num_hidden_layers=24,
        num_attention_heads=14,
        num_key_value_heads=2,
        max_position_embeddings=32768,
        rope_theta=1000000.0,
        rms_norm_eps=1e-6,
        tie_word_embeddings=True,
    ),
}


def make(out, shape="bench-30m"):
    from transformers import LlamaConfig, LlamaForCausalLM, Qwen2Config, Qwen2ForCausalLM

    torch.manual_seed(0)
    ids = dict(bos_token_id=0, eos_token_id=4, pad_token_id=1)
    if shape.startswith("qwen"):
        cfg = Qwen2Config(use_sliding_window=False, **ids, **SHAPES[shape])
        model = Qwen2ForCausalLM(cfg).to(torch.bfloat16)
    else:
        cfg = LlamaConfig(rms_norm_eps=1e-5, **ids, **SHAPES[shape])
        model = LlamaForCausalLM(cfg)
    model.save_pretrained(out)
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
    dev = torch.device(a.device)
    dtype = {"f32": torch.float32, "bf16": torch.bfloat16}[a.dtype]
    model = AutoModelForCausalLM.from_pretrained(a.base, dtype=dtype).to(dev)
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
    data = torch.randint(0, 384, (a.warmup + a.steps, a.batch, a.context), generator=g).to(dev)
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
        loss.item()
    dt = time.perf_counter() - t0
    out = {
        "tokens_per_s": a.steps * a.batch * a.context / dt,
        "seconds": dt,
        "trainable": sum(p.numel() for p in params),
        "adapter_dtype": str(params[0].dtype),
        "torch": torch.__version__,
        "transformers": transformers.__version__,
        "peft": peft.__version__,
    }
    if dev.type == "cuda":
        out["gpu"] = torch.cuda.get_device_name(dev)
        out["peak_allocated_bytes"] = torch.cuda.max_memory_allocated(dev)
        out["peak_reserved_bytes"] = torch.cuda.max_memory_reserved(dev)
    print(json.dumps(out))


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
    tr.add_argument("--device", default="cpu", help="cpu or cuda")
    tr.add_argument("--dtype", choices=["f32", "bf16"], default="f32", help="the frozen base's dtype")
    a = p.parse_args()
    if a.cmd == "make":
        make(a.out, a.shape)
    else:
        train(a)


if __name__ == "__main__":
    sys.exit(main())
