#!/usr/bin/env bash
# Checks the trainers' CUDA kernels on a machine without a GPU (layer norm, bias+GELU,
# cross-entropy and causal softmax, forward and backward; the optimizer's sums of squares and AdamW
# over a list of tensors): the kernel source of src/trainer/cuda.rs is compiled as C++ under
# emulate/emu.h (one OS thread per CUDA thread, __syncthreads and warp shuffles as barriers, blocks
# one at a time) and compared with f64 references and their numerical derivatives, and AdamW with
# cohort_kernels::adamw's arithmetic bit for bit.
# What it proves: the kernels' arithmetic and indexing are right for the shapes tried (widths
# below, at and above a block, rows not a multiple of anything). What it does not: anything about
# real GPU scheduling, memory or speed; the CUDA tests in `benches/gpu/run.sh` do that on a GPU.
# Where NVIDIA's runtime compiler is found (libnvrtc.so.13 under $CUDA_HOME or on the library
# path: source the env.sh that scripts/cuda-toolkit.sh installs), the same source is also compiled
# by it with the options src/trainer/cuda.rs passes (emulate/nvrtc.py), for compute capability
# $CUDA_COMPUTE_CAP (default 90): what a GPU machine compiles first, checked here.
# Needs g++ with C++20. By hand only, never in CI.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$here/../../src/trainer/cuda.rs" "$work/kernels.cu" <<'PY'
import sys
s = open(sys.argv[1]).read()
start = s.index('const SRC: &str = r#"') + len('const SRC: &str = r#"')
open(sys.argv[2], "w").write(s[start:s.index('"#;', start)])
PY
g++ -std=c++20 -O1 -w -pthread -I"$here/emulate" -DKERNELS="\"$work/kernels.cu\"" \
  "$here/emulate/kernels.cpp" -o "$work/check"
"$work/check"
python3 "$here/emulate/nvrtc.py" "$work/kernels.cu" "${CUDA_COMPUTE_CAP:-90}"
