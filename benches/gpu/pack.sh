#!/bin/bash
# Builds, on a machine without a GPU, what benches/gpu/run.sh runs on a GPU machine that has no
# network and no Rust: the CUDA release binary and the CUDA build's library test binary, stripped
# and packed into .gpu/cohort-gpu.tar.xz (ignored by git; about 16 MiB, where the two binaries are
# about 86 MB as built). run.sh unpacks it when COHORT is unset, so a device call that carries
# `.gpu` runs `bash benches/gpu/run.sh` alone. Never part of CI.
#
#   scripts/cuda-toolkit.sh && source ~/.local/share/cohort/cuda-13.0/env.sh   (once)
#   benches/gpu/pack.sh                                  (from the repository root)
#
# Builds in target/cuda (CARGO_TARGET_DIR overrides), so the CPU build in target/ stays as it is.
set -euo pipefail
cd "$(dirname "$0")/../.."
die() { printf 'pack.sh: error: %s\n' "$*" >&2; exit 1; }
command -v nvcc >/dev/null 2>&1 ||
  die "nvcc was not found: run scripts/cuda-toolkit.sh and source the env.sh it names"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target/cuda}
cargo build --release --locked --features cuda
tests=$(cargo test --release --locked --features cuda --lib --no-run --message-format=json |
  python3 -c '
import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m["target"]["name"] == "cohort" \
            and "lib" in m["target"]["kind"]:
        print(m["executable"])')
[ -x "$tests" ] || die "the CUDA library test binary was not found"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
strip -o "$work/cohort" "$CARGO_TARGET_DIR/release/cohort"
strip -o "$work/cohort-tests" "$tests"
mkdir -p .gpu
XZ_OPT=-6T0 tar -C "$work" -cJf .gpu/cohort-gpu.tar.xz.part cohort cohort-tests
mv .gpu/cohort-gpu.tar.xz.part .gpu/cohort-gpu.tar.xz
printf 'pack.sh: .gpu/cohort-gpu.tar.xz (%s bytes, from %s); carry .gpu to the device call\n' \
  "$(stat -c %s .gpu/cohort-gpu.tar.xz)" "$(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo +changes)"
