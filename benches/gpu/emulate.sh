#!/usr/bin/env bash
# Checks the builtin trainer's CUDA kernels (layer norm, bias+GELU, cross-entropy; forward and
# backward) on a machine without a GPU: the kernel source of src/trainer/cuda.rs is compiled as C++
# under emulate/emu.h (one OS thread per CUDA thread, __syncthreads and warp shuffles as barriers,
# blocks one at a time) and compared with f64 references and their numerical derivatives.
# What it proves: the kernels' arithmetic and indexing are right for the shapes tried (widths
# below, at and above a block, rows not a multiple of anything). What it does not: anything about
# real GPU scheduling, memory or speed; the CUDA tests in `benches/gpu/run.sh` do that on a GPU.
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
  "$here/emulate/builtin_kernels.cpp" -o "$work/check"
"$work/check"
