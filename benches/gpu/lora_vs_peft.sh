#!/bin/bash
# LoRA training on a GPU: cohort's `lora` trainer against PyTorch + PEFT on the same GPU, on a
# model with Qwen2.5-0.5B's configuration (random weights made by transformers, stored in bf16;
# the shapes decide the speed), the base frozen in bf16, rank 16 (alpha 32, dropout 0.05) on all
# seven target modules, the same batch and context. Reports tokens/s of the timed steps after a
# warm-up and the peak GPU memory of each run (nvidia-smi's memory in use, sampled every 50 ms,
# less what was in use before it started; each allocator's own peak too: PyTorch's, and the
# memory pool's that cohort's `--json` reports as gpu_memory). Never part of CI.
#
#   COHORT=target/release/cohort benches/gpu/lora_vs_peft.sh     (from the repository root)
#
# Needs a CUDA build of cohort and python3 with torch, transformers and peft on the GPU machine.
# Env: STEPS (timed, default 20), WARMUP (5), BATCH (8), CONTEXT (512), PYTHON (python3).
set -euo pipefail
B=${COHORT:-$(command -v cohort)}
PY=${PYTHON:-python3}
STEPS=${STEPS:-20}
WARMUP=${WARMUP:-5}
BATCH=${BATCH:-8}
CONTEXT=${CONTEXT:-512}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$PY" benches/lora_vs_peft.py make "$work/base" --shape qwen2.5-0.5b > "$work/make.json"
cat fixtures/corpus/shakespeare/*.txt fixtures/corpus/shakespeare/more/*.txt > "$work/corpus.txt"
cat > "$work/lora.toml" <<TOML
[model]
trainer = "lora"
base = "$work/base"
rank = 16
alpha = 32
dropout = 0.05
targets = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
context = $CONTEXT

[training]
batch_size = $BATCH
learning_rate = 1e-3
warmup_steps = 2
weight_decay = 0.0
grad_clip = 1.0
steps = $((STEPS + WARMUP))
eval_windows = 1
TOML

used() { nvidia-smi --query-gpu=memory.used --format=csv,noheader,nounits | head -1; }
# Runs a command in the background and prints the peak of the GPU memory in use above what was
# in use before it started (MiB), polling every 50 ms.
peak_of() {
  local base peak m
  base=$(used); peak=$base
  "$@" &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    m=$(used); [ "$m" -gt "$peak" ] && peak=$m
    sleep 0.05
  done
  wait "$pid"
  echo $((peak - base)) > "$work/peak"
}

peak_of sh -c "'$B' train --data '$work/corpus.txt' --config '$work/lora.toml' --out '$work/run' \
  --device cuda --json -q > '$work/cohort.json'"
cohort_peak=$(cat "$work/peak")
peak_of sh -c "'$PY' benches/lora_vs_peft.py train '$work/base' --device cuda --dtype bf16 --rank 16 \
  --batch $BATCH --context $CONTEXT --steps $STEPS --warmup $WARMUP > '$work/peft.json'"
peft_peak=$(cat "$work/peak")
python3 - "$work/cohort.json" "$work/peft.json" "$work/make.json" "$WARMUP" "$STEPS" "$cohort_peak" "$peft_peak" <<'PY'
import json, sys
c, p, mk = (json.load(open(f)) for f in sys.argv[1:4])
warmup, steps, cpk, ppk = (int(x) for x in sys.argv[4:8])
rows = {x["step"]: x for x in c["metrics"]}
first, last = rows[warmup], rows[warmup + steps - 1]
cohort = c["tokens"] / (warmup + steps) * (steps - 1) / (last["elapsed_s"] - first["elapsed_s"])
peft = p["tokens_per_s"]
print(f"GPU {p.get('gpu')}; Qwen2.5-0.5B shape, {mk['parameters']:,} parameters, bf16 base; "
      f"rank 16 on 7 targets ({p['trainable']:,} trainable, {p['adapter_dtype']} in PEFT)")
print(f"torch {p['torch']} + transformers {p['transformers']} + peft {p['peft']}: {peft:,.0f} tokens/s, "
      f"peak GPU memory {ppk:,} MiB (allocator: {p['peak_allocated_bytes'] / 2**20:,.0f} MiB allocated, "
      f"{p['peak_reserved_bytes'] / 2**20:,.0f} MiB reserved)")
gm = c.get("gpu_memory")
pool = (f" (its pool: {gm['peak_in_use_bytes'] / 2**20:,.0f} MiB in use, "
        f"{gm['peak_reserved_bytes'] / 2**20:,.0f} MiB reserved)") if gm else ""
print(f"cohort lora ({c['device']}): {cohort:,.0f} tokens/s, peak GPU memory {cpk:,} MiB{pool}")
print(f"ratio cohort/PEFT: {cohort / peft:.2f}x tokens/s, {cpk / max(ppk, 1):.2f}x peak GPU memory; "
      f"cohort final train loss {c['final_train_loss']:.3f}")
if gm:
    print(f"allocators, cohort/PEFT: {gm['peak_in_use_bytes'] / p['peak_allocated_bytes']:.2f}x in use, "
          f"{gm['peak_reserved_bytes'] / p['peak_reserved_bytes']:.2f}x reserved")
PY
