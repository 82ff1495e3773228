#!/bin/bash
# The builtin trainer on a GPU against PyTorch on the same GPU: the small spec's model (4 layers
# of width 256, 8 heads, context 256, batch 32, dropout 0.1), the same steps, both measured as
# tokens of the timed steps ÷ their wall time after a warm-up; and each one's model FLOPs
# utilization (6 × parameters × tokens/s against the GPU's f32 peak, since both train in f32).
# Never part of CI.
#
#   COHORT=target/release/cohort benches/gpu/trainer_vs_pytorch.sh   (from the repository root)
#
# Needs a CUDA build of cohort (`./install.sh --cuda`); PyTorch runs where python3 has torch with
# CUDA (else cohort's figure and MFU alone). Also prints cohort's `--timings` table of a short run
# (TIMED_STEPS, default 20). Env: STEPS (timed, default 100), WARMUP (default 20), PEAK_TFLOPS (the GPU's dense f32
# peak, default 67: H100/H200 SXM by NVIDIA's datasheet), PYTHON (default python3).
set -euo pipefail
B=${COHORT:-$(command -v cohort)}
PY=${PYTHON:-python3}
STEPS=${STEPS:-100}
WARMUP=${WARMUP:-20}
PEAK=${PEAK_TFLOPS:-67}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat fixtures/corpus/shakespeare/*.txt fixtures/corpus/shakespeare/more/*.txt > "$work/corpus.txt"
cat > "$work/spec.toml" <<TOML
[model]
layers = 4
width = 256
heads = 8
context = 256
dropout = 0.1

[training]
batch_size = 32
steps = $((STEPS + WARMUP))
warmup_steps = 10
eval_windows = 1
TOML
"$B" train --data "$work/corpus.txt" --config "$work/spec.toml" --out "$work/run" \
  --device cuda --json -q > "$work/cohort.json"
# PyTorch where the machine has it (with CUDA); cohort's figure and MFU are reported either way.
if "$PY" -c 'import torch, sys; sys.exit(0 if torch.cuda.is_available() else 1)' 2>/dev/null; then
  "$PY" benches/trainer_vs_pytorch.py --data "$work/corpus.txt" --layers 4 --width 256 --heads 8 \
    --context 256 --batch 32 --dropout 0.1 --steps "$STEPS" --warmup "$WARMUP" --device cuda \
    > "$work/torch.json"
else
  echo "PyTorch with CUDA is not available to $PY: reporting cohort alone" >&2
  echo '{}' > "$work/torch.json"
fi
python3 - "$work/cohort.json" "$work/torch.json" "$WARMUP" "$STEPS" "$PEAK" <<'PY'
import json, sys
c, t = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
warmup, steps, peak = int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]) * 1e12
rows = {x["step"]: x for x in c["metrics"]}
first, last = rows[warmup], rows[warmup + steps]
cohort = c["tokens"] / (warmup + steps) * steps / (last["elapsed_s"] - first["elapsed_s"])
n = c["parameters"]
mfu = lambda tps: 6 * n * tps / peak
print(f"GPU {t.get('gpu', '(PyTorch absent)')}; model {n:,} parameters; {steps} timed steps after {warmup}")
print(f"cohort {c['device']}: {cohort:,.0f} tokens/s, MFU {100 * mfu(cohort):.2f}% of {peak / 1e12:.0f} TFLOP/s f32; "
      f"final train loss {c['final_train_loss']:.3f}")
if "tokens_per_s" in t:
    torch = t["tokens_per_s"]
    print(f"torch {t['torch']} ({t['parameters']:,} parameters): {torch:,.0f} tokens/s, MFU {100 * mfu(torch):.2f}%")
    print(f"ratio cohort/torch: {cohort / torch:.2f}x")
gm, pk = c.get("gpu_memory"), t.get("peak_allocated_bytes")
if gm:
    print(f"peak GPU memory in use: cohort {gm['peak_in_use_bytes'] / 2**20:,.0f} MiB "
          f"({gm['peak_reserved_bytes'] / 2**20:,.0f} MiB reserved)"
          + (f", torch {pk / 2**20:,.0f} MiB allocated" if pk else ""))
PY
# Where cohort's step time goes: a short run with --timings (each phase run to completion before
# the next; the table, not the speed). After the figures above, and never fatal to them.
if "$B" train --data "$work/corpus.txt" --config "$work/spec.toml" --out "$work/timed" \
  --device cuda --steps "${TIMED_STEPS:-20}" --timings -q > "$work/timed.txt"; then
  sed -n '/^timings/,$p' "$work/timed.txt"
else
  echo "the --timings run failed (above)" >&2
fi
