#!/usr/bin/env bash
# Training throughput of cohort's builtin trainer against PyTorch on CPU, same model and batch
# shape, in one run. Never part of CI: it installs PyTorch (large) into a throwaway venv.
#
#   benches/trainer_vs_pytorch.sh                 # tiny model (2 × 64, context 64, batch 16)
#   CONFIG=medium benches/trainer_vs_pytorch.sh   # 4 × 256, 8 heads, context 256, batch 8
#   THREADS=1 STEPS=200 benches/trainer_vs_pytorch.sh
#
# Env: THREADS (default 2, applied to both through RAYON_NUM_THREADS / torch.set_num_threads),
# STEPS (timed steps, default 100), TORCH_VENV (reuse a venv with torch installed),
# COHORT_BIN (a built cohort binary; default: cargo build --release).
set -euo pipefail
cd "$(dirname "$0")/.."

THREADS=${THREADS:-2}
STEPS=${STEPS:-100}
WARMUP=10
CONFIG=${CONFIG:-tiny}
case "$CONFIG" in
  tiny) LAYERS=2 WIDTH=64 HEADS=4 CONTEXT=64 BATCH=16 ;;
  medium) LAYERS=4 WIDTH=256 HEADS=8 CONTEXT=256 BATCH=8 ;;
  *) echo "CONFIG is tiny or medium" >&2; exit 2 ;;
esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

venv=${TORCH_VENV:-$work/venv}
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import torch" 2>/dev/null; then
  echo "installing PyTorch into $venv (throwaway)…" >&2
  python3 -m venv "$venv"
  # The CPU-only wheels are much smaller; fall back to PyPI's default wheel.
  "$venv/bin/pip" install -q torch --index-url https://download.pytorch.org/whl/cpu 2>/dev/null \
    || "$venv/bin/pip" install -q torch
fi

bin=${COHORT_BIN:-}
if [ -z "$bin" ]; then
  cargo build --release -q
  bin=target/release/cohort
fi

cat fixtures/corpus/shakespeare/*.txt fixtures/corpus/shakespeare/more/*.txt > "$work/corpus.txt"
cat > "$work/spec.toml" <<TOML
[model]
layers = $LAYERS
width = $WIDTH
heads = $HEADS
context = $CONTEXT

[training]
batch_size = $BATCH
steps = $((STEPS + WARMUP))
warmup_steps = 10
eval_windows = 1
TOML

export RAYON_NUM_THREADS=$THREADS
# Both trainers are measured the same way: tokens of the STEPS timed steps ÷ the wall time of
# those steps, after WARMUP untimed steps. cohort's metrics rows carry the loop's wall clock
# (`elapsed_s`), so the figure is not a mean of per-step rates.
"$bin" train --data "$work/corpus.txt" --config "$work/spec.toml" --out "$work/run" \
  --device cpu --json -q > "$work/cohort.json"
cohort_tps=$(python3 - "$work/cohort.json" "$WARMUP" "$STEPS" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
warmup, steps = int(sys.argv[2]), int(sys.argv[3])
rows = {x["step"]: x for x in r["metrics"]}
first, last = rows[warmup], rows[warmup + steps]
tokens_per_step = r["tokens"] / (warmup + steps)
print(tokens_per_step * steps / (last["elapsed_s"] - first["elapsed_s"]))
PY
)
torch_json=$("$venv/bin/python" benches/trainer_vs_pytorch.py --data "$work/corpus.txt" \
  --layers $LAYERS --width $WIDTH --heads $HEADS --context $CONTEXT --batch $BATCH --steps $STEPS --warmup $WARMUP)
torch_tps=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["tokens_per_s"])' "$torch_json")
torch_version=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["torch"])' "$torch_json")
python3 - "$cohort_tps" "$torch_tps" "$THREADS" "$CONFIG" "$torch_version" <<'PY'
import sys
c, t, th, cfg, tv = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
print(f"config {cfg}, {th} threads: cohort {c:,.0f} tokens/s, PyTorch {tv} {t:,.0f} tokens/s, ratio {c / t:.2f}x")
PY
