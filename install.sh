#!/usr/bin/env bash
# Builds and installs cohort, and anvil (the devnet's EVM node) from npm into cohort's tools folder.
#
#   ./install.sh          install cohort (cargo install) and anvil; idempotent
#   ./install.sh --test   install what the test suite needs and run it (the README's test command)
#   ./install.sh --cuda   install cohort with the trainer's CUDA path (`--features cuda`); needs nvcc
#                         (a CUDA toolkit, or `scripts/cuda-toolkit.sh` and its env.sh)
#
# Needs Rust (cargo) and Node.js with npm. Set COHORT_HOME to install the tools somewhere else.
set -euo pipefail
cd "$(dirname "$0")"

ANVIL_VERSION=1.7.1
say() { printf 'install.sh: %s\n' "$*" >&2; }
die() { printf 'install.sh: error: %s\n' "$*" >&2; exit 1; }

command -v cargo >/dev/null 2>&1 || die "cargo was not found. Install Rust first: https://rustup.rs (then open a new shell)."
command -v npm >/dev/null 2>&1 || die "npm was not found. Install Node.js 20 or newer with npm (e.g. 'apt-get install nodejs npm')."

anvil_in() { # the native anvil binary inside an npm prefix
  local arch; case "$(uname -m)" in x86_64|amd64) arch=amd64;; aarch64|arm64) arch=arm64;; *) arch=unknown;; esac
  local os; case "$(uname -s)" in Linux) os=linux;; Darwin) os=darwin;; *) os=unknown;; esac
  echo "$1/node_modules/@foundry-rs/anvil-$os-$arch/bin/anvil"
}

FEATURES=()
if [ "${1:-}" = "--cuda" ]; then
  FEATURES=(--features cuda)
  if ! command -v nvcc >/dev/null 2>&1; then
    [ -n "${CUDA_HOME:-}" ] && [ -x "$CUDA_HOME/bin/nvcc" ] && export PATH="$CUDA_HOME/bin:$PATH" ||
      die "--cuda needs the CUDA compiler nvcc, which was not found. Install a CUDA toolkit (12.x or 13.x), or run 'scripts/cuda-toolkit.sh' and 'source' the env.sh it names, then run ./install.sh --cuda again."
  fi
  if ! command -v nvidia-smi >/dev/null 2>&1 && [ -z "${CUDA_COMPUTE_CAP:-}" ]; then
    die "--cuda on a machine without nvidia-smi needs CUDA_COMPUTE_CAP set to the target GPU's compute capability (e.g. 90 for H100/H200, 89 for L4/RTX 4090, 80 for A100)"
  fi
elif [ -n "${1:-}" ] && [ "$1" != "--test" ]; then
  die "unknown option '$1' (use --test or --cuda, or nothing)"
fi

if [ "${1:-}" = "--test" ]; then
  say "installing the test tools (anvil, the official 0G TS SDK, solc) with npm ci"
  npm ci --prefix tests/tools --no-audit --no-fund --ignore-scripts >/dev/null
  if [ -f tests/interop/package-lock.json ]; then
    npm ci --prefix tests/interop --no-audit --no-fund --ignore-scripts >/dev/null
  fi
  npm ci --prefix contracts --no-audit --no-fund --ignore-scripts >/dev/null
  COHORT_ANVIL="$(anvil_in "$PWD/tests/tools")"
  [ -x "$COHORT_ANVIL" ] || die "anvil was not installed at $COHORT_ANVIL"
  export COHORT_ANVIL
  say "running the test suite: cargo test --workspace --locked (anvil: $COHORT_ANVIL)"
  exec cargo test --workspace --locked
fi

if [ -n "${COHORT_HOME:-}" ]; then
  TOOLS="$COHORT_HOME/tools"
elif [ "$(uname -s)" = Darwin ]; then
  TOOLS="$HOME/Library/Application Support/cohort/tools"
else
  TOOLS="${XDG_DATA_HOME:-$HOME/.local/share}/cohort/tools"
fi

ANVIL="$(anvil_in "$TOOLS")"
if [ -x "$ANVIL" ] && "$ANVIL" --version 2>/dev/null | grep -q "$ANVIL_VERSION"; then
  say "anvil $ANVIL_VERSION is already installed in $TOOLS"
else
  say "installing anvil $ANVIL_VERSION (npm @foundry-rs/anvil) into $TOOLS"
  mkdir -p "$TOOLS"
  [ -f "$TOOLS/package.json" ] || printf '{"name":"cohort-tools","private":true}\n' >"$TOOLS/package.json"
  npm install --prefix "$TOOLS" --no-audit --no-fund --ignore-scripts "@foundry-rs/anvil@$ANVIL_VERSION" >/dev/null
  [ -x "$ANVIL" ] || die "npm finished but $ANVIL is missing (is your platform supported by @foundry-rs/anvil?)"
  say "installed $("$ANVIL" --version | head -1)"
fi

say "building and installing cohort (cargo install --path . --locked ${FEATURES[*]:-})"
cargo install --path . --locked --quiet ${FEATURES[@]+"${FEATURES[@]}"}
if [ -n "${CARGO_INSTALL_ROOT:-}" ]; then BIN="$CARGO_INSTALL_ROOT/bin/cohort"; else BIN="$(dirname "$(command -v cargo)")/cohort"; fi
if VERSION="$("$BIN" --version 2>/dev/null)"; then
  say "installed $VERSION at $BIN"
else
  say "installed cohort at $BIN (a CUDA build: it starts only where the NVIDIA driver is installed)"
fi
case ":$PATH:" in *":$(dirname "$BIN"):"*) ;; *) say "add $(dirname "$BIN") to your PATH";; esac
say "done: run 'cohort quickstart' to see the whole lifecycle on a local devnet"
