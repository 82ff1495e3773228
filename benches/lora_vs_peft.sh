#!/usr/bin/env bash
# LoRA training throughput on CPU: cohort's `lora` trainer against PyTorch + PEFT, the same
# model (a ~30M-parameter Llama built by transformers' random init), adapters (rank 8, alpha 16,
# dropout 0.05, all seven targets), batch, context and thread count, in one run; and cohort's
# peak resident memory against the base model's size, keeping activations for backward and with
# --recompute. Never part of CI.
#
#   PEFT_VENV=/tmp/venv-peft COHORT_BIN=target/release/cohort benches/lora_vs_peft.sh
#   THREADS=1 STEPS=40 benches/lora_vs_peft.sh
#
# Env: THREADS (default 2: RAYON_NUM_THREADS / torch.set_num_threads), STEPS (timed, default 30),
# BATCH (4), CONTEXT (128), PEFT_VENV (a venv with torch, transformers and peft; else a
# throwaway one is made), COHORT_BIN (default: cargo build --release).
set -euo pipefail
cd "$(dirname "$0")/.."

THREADS=${THREADS:-2}
STEPS=${STEPS:-30}
WARMUP=5
BATCH=${BATCH:-4}
CONTEXT=${CONTEXT:-128}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

venv=${PEFT_VENV:-$work/venv}
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import torch, transformers, peft" 2>/dev/null; then
  echo "installing torch, transformers and peft into $venv (throwaway)…" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q torch transformers peft safetensors
fi

bin=${COHORT_BIN:-}
if [ -z "$bin" ]; then
  cargo build --release -q
  bin=target/release/cohort
fi

"$venv/bin/python" benches/lora_vs_peft.py make "$work/base" > "$work/make.json"
params=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["parameters"])' "$work/make.json")
base_bytes=$(stat -c %s "$work/base/model.safetensors")
cat fixtures/corpus/shakespeare/*.txt fixtures/corpus/shakespeare/more/*.txt > "$work/corpus.txt"
cat > "$work/lora.toml" <<TOML
[model]
trainer = "lora"
base = "$work/base"
rank = 8
alpha = 16
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

export RAYON_NUM_THREADS=$THREADS
# Both are measured the same way: tokens of the STEPS timed steps ÷ their wall time, after
# WARMUP untimed steps (cohort's metrics rows carry the loop's wall clock, `elapsed_s`).
# cohort runs twice: keeping every layer's activations for backward (its default when memory
# allows) and with --recompute (activation checkpointing: the same bits in less memory).
cohort_run() { # NAME [FLAGS…] → prints "tokens/s peak-RSS-KiB"
  local name=$1; shift
  /usr/bin/time -v "$bin" train --data "$work/corpus.txt" --config "$work/lora.toml" \
    --out "$work/run-$name" --device cpu --json -q "$@" > "$work/$name.json" 2> "$work/$name-time.txt"
  python3 - "$work/$name.json" "$WARMUP" "$STEPS" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
warmup, steps = int(sys.argv[2]), int(sys.argv[3])
rows = {x["step"]: x for x in r["metrics"]}
first, last = rows[warmup], rows[warmup + steps - 1]
tokens_per_step = r["tokens"] / (warmup + steps)
print(tokens_per_step * (steps - 1) / (last["elapsed_s"] - first["elapsed_s"]), end=" ")
PY
  awk -F': ' '/Maximum resident set size/ {print $2}' "$work/$name-time.txt"
}
read -r cohort_tps rss_kib < <(cohort_run keep)
read -r recompute_tps recompute_rss_kib < <(cohort_run recompute --recompute)
if ! cmp -s <(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["final_train_loss"])' "$work/keep.json") \
            <(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["final_train_loss"])' "$work/recompute.json"); then
  echo "warning: --recompute ended at a different training loss" >&2
fi
peft_json=$(/usr/bin/time -v -o "$work/peft-time.txt" "$venv/bin/python" benches/lora_vs_peft.py train \
  "$work/base" --batch "$BATCH" --context "$CONTEXT" --steps "$STEPS" --warmup "$WARMUP" \
  --threads "$THREADS" 2> /dev/null)
peft_rss_kib=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/peft-time.txt")
python3 - "$cohort_tps" "$peft_json" "$THREADS" "$params" "$base_bytes" "$rss_kib" "$peft_rss_kib" \
  "$recompute_tps" "$recompute_rss_kib" <<'PY'
import json, sys
c = float(sys.argv[1]); p = json.loads(sys.argv[2]); th = sys.argv[3]
params, base, rss = int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]) * 1024
peft_rss = int(sys.argv[7]) * 1024
rc, rc_rss = float(sys.argv[8]), int(sys.argv[9]) * 1024
pt = p['tokens_per_s']
print(f"model {params/1e6:.1f}M parameters ({base/2**20:.1f} MiB f32), {th} threads")
print(f"torch {p['torch']} + transformers {p['transformers']} + peft {p['peft']}: {pt:,.0f} tokens/s, peak RSS {peft_rss/2**20:.1f} MiB")
for name, tps, r in [("cohort lora", c, rss), ("cohort lora --recompute", rc, rc_rss)]:
    print(f"{name}: {tps:,.0f} tokens/s, ratio {tps / pt:.2f}x; "
          f"peak RSS {r/2**20:.1f} MiB = base {base/2**20:.1f} MiB + {100*(r-base)/base:.0f}%")
print(f"load average {open('/proc/loadavg').read().split()[0]}")
PY
