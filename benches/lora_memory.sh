#!/usr/bin/env bash
# Peak resident memory of cohort's `lora` trainer on the CPU against the base model's size, on
# a model with SmolLM2-135M's configuration (random init by transformers; 513 MiB in f32, tied
# embeddings, 49,152 vocabulary), rank 8 on all seven targets, context 128: with --recompute at
# each batch size in BATCHES, and keeping activations at the largest. Never part of CI.
#
#   PEFT_VENV=/tmp/venv-peft COHORT_BIN=target/release/cohort benches/lora_memory.sh
#
# Env: BATCHES (default "1 2 4 8"), STEPS (default 4), THREADS (default 2), SKIP_KEEP (set: no run
# keeping activations), PEFT_VENV (a venv with torch and transformers, to build the model; else a
# throwaway one is made), COHORT_BIN.
set -euo pipefail
cd "$(dirname "$0")/.."

BATCHES=${BATCHES:-1 2 4 8}
STEPS=${STEPS:-4}
export RAYON_NUM_THREADS=${THREADS:-2}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

venv=${PEFT_VENV:-$work/venv}
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import torch, transformers" 2>/dev/null; then
  echo "installing torch and transformers into $venv (throwaway)…" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q torch transformers safetensors
fi
bin=${COHORT_BIN:-}
if [ -z "$bin" ]; then
  cargo build --release -q
  bin=target/release/cohort
fi

"$venv/bin/python" benches/lora_vs_peft.py make "$work/base" --shape smollm2-135m > /dev/null 2>&1
base_bytes=$(stat -c %s "$work/base/model.safetensors")
cat fixtures/corpus/shakespeare/*.txt fixtures/corpus/shakespeare/more/*.txt > "$work/corpus.txt"

run() { # BATCH [FLAGS…]
  local batch=$1; shift
  cat > "$work/lora.toml" <<TOML
[model]
trainer = "lora"
base = "$work/base"
rank = 8
alpha = 16
dropout = 0.05
targets = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
context = 128

[training]
batch_size = $batch
learning_rate = 1e-3
warmup_steps = 2
steps = $STEPS
eval_windows = 1
TOML
  /usr/bin/time -v "$bin" train --data "$work/corpus.txt" --config "$work/lora.toml" \
    --out "$work/run" --device cpu --json -q "$@" > "$work/out.json" 2> "$work/time.txt"
  rm -rf "$work/run"
  local kib
  kib=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
  python3 - "$work/out.json" "$kib" "$base_bytes" "$batch" "$*" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
rss, base = int(sys.argv[2]) * 1024, int(sys.argv[3])
m = r["metrics"]
step_s = (m[-1]["elapsed_s"] - m[0]["elapsed_s"]) / max(1, m[-1]["step"] - m[0]["step"])
mode = "recompute" if r["recompute"] else "keep"
print(f"batch {sys.argv[4]} × 128, {mode}: peak RSS {rss/2**20:.1f} MiB = base {base/2**20:.1f} MiB "
      f"+ {100*(rss-base)/base:.1f}% (target ≤ +25%); {step_s:.2f} s a step; final loss {r['final_train_loss']:.6f}")
PY
}

echo "base: SmolLM2-135M's configuration, $((base_bytes >> 20)) MiB f32, $RAYON_NUM_THREADS threads"
largest=1
for b in $BATCHES; do
  run "$b" --recompute
  largest=$b
done
[ -n "${SKIP_KEEP:-}" ] || run "$largest"
echo "load average $(cut -d' ' -f1 /proc/loadavg)"
