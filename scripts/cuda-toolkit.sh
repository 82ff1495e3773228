#!/usr/bin/env bash
# Installs the parts of the CUDA 13.0 toolkit that `cargo build --features cuda` needs (nvcc, the
# headers, cudart, cuBLAS, cuRAND, NVRTC) from NVIDIA's wheels on PyPI into one folder, for machines
# without a system CUDA toolkit (containers, CI images, a build host with no GPU).
#
#   scripts/cuda-toolkit.sh [DIR]      default DIR: $XDG_DATA_HOME/cohort/cuda-13.0
#   source DIR/env.sh                  sets CUDA_HOME, PATH, LD_LIBRARY_PATH, CUDA_COMPUTE_CAP
#   ./install.sh --cuda                (or cargo build --release --features cuda)
#
# The build links against libcuda, which comes with the NVIDIA driver, not the toolkit; where no
# driver is installed a link-only stub is made (DIR/lib/stubs). The built binary then runs only on
# machines with the driver. CUDA 13.0 needs driver 580 or newer (older drivers: a system toolkit
# that matches them). CUDA_COMPUTE_CAP (default 90: H100/H200) picks the GPU the kernels target.
# Needs python3 with pip, a C compiler (cc) and network access to PyPI.
set -euo pipefail

DIR="${1:-${XDG_DATA_HOME:-$HOME/.local/share}/cohort/cuda-13.0}"
CAP="${CUDA_COMPUTE_CAP:-90}"
say() { printf 'cuda-toolkit.sh: %s\n' "$*" >&2; }
die() { printf 'cuda-toolkit.sh: error: %s\n' "$*" >&2; exit 1; }
command -v python3 >/dev/null 2>&1 || die "python3 was not found (needed for pip)"
command -v cc >/dev/null 2>&1 || die "no C compiler (cc) was found (apt-get install build-essential)"

WHEELS=(
  nvidia-cuda-nvcc==13.0.88 nvidia-cuda-crt==13.0.88 nvidia-nvvm==13.0.88
  nvidia-cuda-runtime==13.0.96 nvidia-cuda-nvrtc==13.0.88 nvidia-cuda-cccl==13.0.85
  nvidia-curand==10.4.0.35 nvidia-cublas==13.0.2.14
)
ROOT="$DIR/root/nvidia/cu13"
if [ -x "$ROOT/bin/nvcc" ]; then
  say "already installed in $DIR"
else
  mkdir -p "$DIR/wheels" "$DIR/root"
  say "downloading ${#WHEELS[@]} wheels (about 680 MB) into $DIR/wheels"
  python3 -m pip download --quiet --no-deps --only-binary=:all: --dest "$DIR/wheels" \
    --platform manylinux_2_27_x86_64 --platform manylinux_2_17_x86_64 \
    --platform manylinux2014_x86_64 --platform manylinux_2_12_x86_64 "${WHEELS[@]}"
  for w in "$DIR"/wheels/*.whl; do
    python3 -m zipfile -e "$w" "$DIR/root"
  done
  chmod +x "$ROOT"/bin/* "$ROOT"/nvvm/bin/*
  rm -rf "$DIR/wheels"
fi
[ -x "$ROOT/bin/nvcc" ] || die "nvcc is missing from $ROOT/bin after unpacking"

# Unversioned names for the linker.
cd "$ROOT/lib"
for l in cudart cublas cublasLt curand nvrtc; do
  so=$(ls lib$l.so.* 2>/dev/null | head -1) || true
  [ -n "$so" ] || die "lib$l.so.* is missing from $ROOT/lib"
  ln -sf "$so" "lib$l.so"
done
if ! ldconfig -p 2>/dev/null | grep -q 'libcuda.so.1'; then
  # No driver here: a stub with every driver entry point of cuda.h, linked as libcuda.so.1.
  mkdir -p stubs
  grep -ohE '\bcu[A-Z][A-Za-z0-9_]*\b' ../include/cuda.h | sort -u |
    awk '{print "void " $1 "(void){}"}' >stubs/libcuda.c
  cc -shared -fPIC -w -o stubs/libcuda.so -Wl,-soname,libcuda.so.1 stubs/libcuda.c
  ln -sf stubs/libcuda.so libcuda.so
  say "no NVIDIA driver here: linking against a stub libcuda (the binary needs the driver to run)"
fi

cat >"$DIR/env.sh" <<EOF
export CUDA_HOME="$ROOT"
export PATH="$ROOT/bin:\$PATH"
export LD_LIBRARY_PATH="$ROOT/lib:\${LD_LIBRARY_PATH:-}"
export CUDA_COMPUTE_CAP="\${CUDA_COMPUTE_CAP:-$CAP}"
EOF
say "$("$ROOT/bin/nvcc" --version | tail -2 | head -1)"
say "done: source $DIR/env.sh, then ./install.sh --cuda"
