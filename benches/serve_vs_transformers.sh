#!/usr/bin/env bash
# Serving speed of `cohort model serve` (builtin small model: 4 layers × 256, 8 heads, context 256)
# against Hugging Face transformers' `generate` on the same weights and CPU threads, in one run:
# generated tokens/s and time to first token with 1 and CLIENTS concurrent clients.
# Never part of CI: it installs torch and transformers (large) into a throwaway venv.
#
#   benches/serve_vs_transformers.sh
#   THREADS=1 CLIENTS=4 RUNS=5 benches/serve_vs_transformers.sh
#   CHECKPOINT=runs/small/step-002000.safetensors benches/serve_vs_transformers.sh
#
# Steps: (1) train the small spec's shape for TRAIN_STEPS steps (unless CHECKPOINT names one);
# (2) convert it into a transformers GPT2LMHeadModel folder and check the conversion twice: the loss
# `cohort model eval` computes must equal transformers' on the same windows (|Δ| ≤ 1e-4 nats), and
# greedy decoding of the prompts through the server must give the same text as transformers';
# either failing stops the bench (exit 1); (3) time the server with 1 and CLIENTS streaming clients
# (/v1/completions, stream: true, temperature 0, MAX_TOKENS each; tokens from the server's usage
# counts, TTFT = first SSE chunk carrying text); (4) time transformers: 1 client = one generate;
# CLIENTS = the better of one batched generate of the CLIENTS prompts and CLIENTS Python threads
# each calling generate (both shown); greedy, KV cache on, same max_new_tokens, TTFT = the first new
# token handed to a streamer. The prompts all have PROMPT_BYTES bytes, so the batch needs no padding.
#
# Env: THREADS (default 2: RAYON_NUM_THREADS for cohort, torch.set_num_threads for transformers),
# CLIENTS (8), MAX_TOKENS (128), PROMPT_BYTES (32), RUNS (timed runs, median; default 3),
# TRAIN_STEPS (30), CHECKPOINT (a checkpoint of the builtin model to use instead of training),
# MAX_CONCURRENCY (the server's --max-concurrency; default: the server's own, the CPU count),
# HF_VENV (reuse a venv with torch, transformers and safetensors), COHORT_BIN (a built cohort
# binary; default: cargo build --release).
set -euo pipefail
cd "$(dirname "$0")/.."

THREADS=${THREADS:-2}
CLIENTS=${CLIENTS:-8}
MAX_TOKENS=${MAX_TOKENS:-128}
PROMPT_BYTES=${PROMPT_BYTES:-32}
RUNS=${RUNS:-3}
TRAIN_STEPS=${TRAIN_STEPS:-30}
here=$PWD
py_bench=$here/benches/serve_vs_transformers.py

work=$(mktemp -d)
server=
sampler=
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  if [ -n "$sampler" ]; then kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

venv=${HF_VENV:-$work/venv}
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import torch, transformers, safetensors" 2>/dev/null; then
  echo "installing torch, transformers and safetensors into $venv (throwaway)…" >&2
  python3 -m venv "$venv"
  # The CPU-only torch wheel is much smaller; fall back to PyPI's default wheel.
  "$venv/bin/pip" install -q torch --index-url https://download.pytorch.org/whl/cpu 2>/dev/null \
    || "$venv/bin/pip" install -q torch
  "$venv/bin/pip" install -q transformers safetensors
fi
py=$venv/bin/python

bin=${COHORT_BIN:-}
if [ -z "$bin" ]; then
  cargo build --release -q
  bin=target/release/cohort
fi
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

export COHORT_HOME=$work/home RAYON_NUM_THREADS=$THREADS

# 1. A checkpoint of the small spec's shape.
checkpoint=${CHECKPOINT:-}
if [ -z "$checkpoint" ]; then
  cat > "$work/spec.toml" <<TOML
[model]
layers = 4
width = 256
heads = 8
context = 256

[training]
batch_size = 8
learning_rate = 3e-3
warmup_steps = 5
steps = $TRAIN_STEPS
eval_windows = 1
TOML
  echo "training the small model for $TRAIN_STEPS steps…" >&2
  "$bin" train --data fixtures/corpus --config "$work/spec.toml" --out "$work/run" \
    --device cpu --json -q > "$work/train.json"
  checkpoint=$(ls "$work"/run/step-*.safetensors | tail -n 1)
fi
model_id=$(basename "$checkpoint" .safetensors)

# 2. Convert, then check the conversion on the loss of fixed windows.
"$py" "$py_bench" convert "$checkpoint" "$work/hf" > /dev/null 2> "$work/convert.err" \
  || { cat "$work/convert.err" >&2; exit 1; }
head -c $((256 * 16 + 1)) fixtures/corpus/shakespeare/part2.txt > "$work/eval.txt"
cohort_loss=$("$bin" model eval "$checkpoint" --data "$work/eval.txt" --json -q \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["loss"])')
hf_loss=$("$py" "$py_bench" loss "$work/hf" --data "$work/eval.txt" --threads "$THREADS" 2> /dev/null \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["loss"])')
python3 - "$cohort_loss" "$hf_loss" <<'PY'
import sys
a, b = float(sys.argv[1]), float(sys.argv[2])
if not abs(a - b) <= 1e-4:
    sys.exit(f"conversion check FAILED: cohort model eval loss {a:.6f}, transformers {b:.6f}")
print(f"conversion check (loss on 16 windows of 257 bytes): cohort {a:.6f}, transformers {b:.6f} nats/byte",
      file=sys.stderr)
PY

# Fixed prompts: the first CLIENTS ASCII lines of the corpus with PROMPT_BYTES bytes or more, cut there.
python3 - "$CLIENTS" "$PROMPT_BYTES" > "$work/prompts.json" <<'PY'
import json, sys
k, n = int(sys.argv[1]), int(sys.argv[2])
out = []
for line in open("fixtures/corpus/shakespeare/part1.txt", encoding="utf-8"):
    line = line.strip()
    if len(line) >= n and line.isascii():
        out.append(line[:n])
    if len(out) == k:
        break
print(json.dumps(out))
PY

# 3. cohort: start the server, check greedy outputs, time it.
serve_args=(model serve "$checkpoint" --free --port 0 --json)
[ -n "${MAX_CONCURRENCY:-}" ] && serve_args+=(--max-concurrency "$MAX_CONCURRENCY")
"$bin" "${serve_args[@]}" > "$work/serve.out" 2> "$work/serve.err" &
server=$!
for _ in $(seq 100); do
  [ -s "$work/serve.out" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.err" >&2; exit 1; }
  sleep 0.1
done
address=$(head -n 1 "$work/serve.out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["address"])')
url=http://$address

"$py" "$py_bench" hf "$work/hf" --prompts "$work/prompts.json" --max-tokens "$MAX_TOKENS" \
  --threads "$THREADS" --check-only > "$work/hf_greedy.json" 2> /dev/null
"$py" "$py_bench" cohort "$url" --model "$model_id" --prompts "$work/prompts.json" \
  --max-tokens "$MAX_TOKENS" --pid "$server" --check-only > "$work/cohort_greedy.json"
"$py" "$py_bench" check --cohort "$work/cohort_greedy.json" --hf "$work/hf_greedy.json" \
  --prompts "$work/prompts.json" --label "greedy, $MAX_TOKENS tokens"

# The 1-minute load average every 5 s while the timed parts run (other work on the machine shows here).
(while sleep 5; do cut -d' ' -f1 /proc/loadavg; done) > "$work/load.txt" &
sampler=$!
echo "timing cohort model serve…" >&2
"$py" "$py_bench" cohort "$url" --model "$model_id" --prompts "$work/prompts.json" \
  --max-tokens "$MAX_TOKENS" --clients 1 "$CLIENTS" --runs "$RUNS" --pid "$server" > "$work/cohort.json"
kill "$server"; wait "$server" 2>/dev/null || true; server=

# 4. transformers on the same weights and threads.
echo "timing transformers generate…" >&2
"$py" "$py_bench" hf "$work/hf" --prompts "$work/prompts.json" --max-tokens "$MAX_TOKENS" \
  --threads "$THREADS" --runs "$RUNS" > "$work/hf.json" 2> /dev/null
kill "$sampler"; wait "$sampler" 2>/dev/null || true; sampler=

# 5. The table.
"$py" "$py_bench" table --cohort "$work/cohort.json" --hf "$work/hf.json" --clients "$CLIENTS" \
  --max-tokens "$MAX_TOKENS" --prompt-bytes "$PROMPT_BYTES" --runs "$RUNS"
echo
echo "cohort: $("$bin" --version), checkpoint $checkpoint, server --max-concurrency ${MAX_CONCURRENCY:-default}"
echo "python $("$py" -c 'import platform; print(platform.python_version())'), safetensors $("$py" -c 'import safetensors; print(safetensors.__version__)')"
load=$(python3 -c 'import statistics,sys; v=[float(x) for x in open(sys.argv[1])] or [0.0]; print(f"{min(v):.1f} / {statistics.median(v):.1f} / {max(v):.1f}")' "$work/load.txt")
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores; 1-minute load average while timing (min / median / max): $load"
