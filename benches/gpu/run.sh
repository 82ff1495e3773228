#!/bin/bash
# Every GPU measurement in one run, for a GPU machine held for a few minutes:
#   1. the CUDA tests of the trainers' own kernels (dropout masks and the fused AdamW against the
#      host's, bit for bit; the LoRA kernels, and the builtin's layer norm, bias+GELU, loss and
#      whole model against the primitives, the graph-free step against the graph and the CPU;
#      a span re-executed while the GPU has no memory left), from a CUDA build's library test
#      binary;
#   2. check.sh (reproducibility and verification GPU↔CPU);
#   3. trainer_vs_pytorch.sh (the builtin trainer against PyTorch on the same GPU, MFU);
#   4. lora_vs_peft.sh (LoRA on Qwen2.5-0.5B's shape against PyTorch + PEFT, speed and memory).
#
#   COHORT=target/release/cohort COHORT_TESTS=target/release/deps/cohort-<hash> OUT=/tmp/gpu \
#     benches/gpu/run.sh                                    (from the repository root)
#
# The test binary comes from `cargo test --release --features cuda --lib --no-run`. Where COHORT
# is unset and .gpu/cohort-gpu.tar.xz is there (benches/gpu/pack.sh, built on a machine without a
# GPU and carried to the device call), both come from it. Logs go to
# $OUT (default /tmp/cohort-gpu): tests.txt, log.txt (check.sh), trainer.txt, lora.txt.
# The whole run ends within BUDGET seconds (default 570, inside a device call's 600): each part has
# its own limit, cut to what is left, and a part that would get under 30 s is skipped and says so.
set -u
cd "$(dirname "$0")/../.."
s() { date +%s; }
end=$(( $(s) + ${BUDGET:-570} ))
O=${OUT:-/tmp/cohort-gpu}; mkdir -p "$O"
if [ -z "${COHORT:-}" ] && [ -f .gpu/cohort-gpu.tar.xz ]; then
  bin=$(mktemp -d)
  trap 'rm -rf "$bin"' EXIT
  python3 -m tarfile -e .gpu/cohort-gpu.tar.xz "$bin" && chmod +x "$bin"/* || exit 1
  export COHORT=$bin/cohort COHORT_TESTS=${COHORT_TESTS:-$bin/cohort-tests}
  echo "binaries from .gpu/cohort-gpu.tar.xz"
fi
export OUT=$O COHORT=${COHORT:-$(command -v cohort)}
LD=""
for n in libcublas.so.13 libcublasLt.so.13 libcurand.so.10 libnvrtc.so.13 libcudart.so.13; do
  d=$(find /opt /usr /usr/local -name $n 2>/dev/null | head -1); [ -n "$d" ] && LD=$LD:$(dirname "$d")
done
export LD_LIBRARY_PATH=${LD#:}:${LD_LIBRARY_PATH:-}
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
python3 -c 'import torch, transformers, peft; print("torch", torch.__version__, "transformers", transformers.__version__, "peft", peft.__version__)'
# part NAME LIMIT COMMAND...: runs COMMAND for at most LIMIT seconds or what is left of the budget.
part() {
  local name=$1 limit=$2 a left; shift 2
  a=$(s); left=$(( end - a ))
  if [ "$left" -lt 30 ]; then echo "[$name: skipped, ${left} s of the budget left]"; return; fi
  [ "$limit" -gt "$left" ] && limit=$left
  timeout "$limit" "$@"
  echo "[$name: $(( $(s) - a )) s of at most $limit]"
}
export COHORT_TESTS=${COHORT_TESTS:-}
if [ -n "$COHORT_TESTS" ]; then
  part tests 120 bash -c '"$COHORT_TESTS" --test-threads 1 cuda 2>&1 | tee "$OUT/tests.txt"'
fi
part trainer 120 bash -c 'benches/gpu/trainer_vs_pytorch.sh 2>&1 | tee "$OUT/trainer.txt"'
part lora 200 bash -c 'benches/gpu/lora_vs_peft.sh 2>&1 | tee "$OUT/lora.txt"'
part check 200 bash -c 'benches/gpu/check.sh > /dev/null 2>&1; tail -c 6000 "$OUT/log.txt"'
