#!/usr/bin/env bash
# `cohort dataset upload` of many small files to a local devnet (issue 20): N files (default
# 1,000) of 1–8 KiB random bytes, uploaded in rounds of 50 (storage submissions by `batchSubmit`,
# 10 per transaction; contributions by one `contributeBatch` per round). Reports the wall time,
# the transactions sent (blocks mined: anvil mines one per transaction) and that every file is recorded;
# then the curator's `dataset review --all-pending --accept`, which downloads and checks every file
# before its review transactions (one per file).
# Usage: benches/storage_dataset_small_files.sh [N=1000]
# Needs: COHORT_ANVIL (see README). COHORT_BIN picks the binary (default: builds target/release/cohort).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
if [ -z "${COHORT_BIN:-}" ]; then
  cargo build --release --quiet --bin cohort
  COHORT_BIN=$PWD/target/release/cohort
fi
WORK=$(mktemp -d)
export COHORT_HOME=$WORK/home
cleanup() { "$COHORT_BIN" devnet down >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT

mkdir -p "$WORK/files"
for ((i = 0; i < N; i++)); do
  head -c $((1024 + RANDOM % 7169)) /dev/urandom > "$WORK/files/f$i.bin"
done
BYTES=$(cat "$WORK"/files/* | wc -c)
"$COHORT_BIN" devnet up --port 0 --json > "$WORK/up.json"
RPC=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["status"]["rpc_url"])' "$WORK/up.json")
# anvil mines one block per transaction: the block count is the transaction count.
nonce() { curl -s -X POST -H 'content-type: application/json' \
  --data '{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}' "$RPC" \
  | python3 -c 'import json,sys; print(int(json.load(sys.stdin)["result"], 16))'; }
"$COHORT_BIN" dataset create bench --description "small files" --license CC0-1.0 --json > /dev/null
BEFORE=$(nonce)
START=$(date +%s.%N)
"$COHORT_BIN" dataset upload bench "$WORK/files" --json --no-progress > "$WORK/upload.json"
END=$(date +%s.%N)
AFTER=$(nonce)
UPLOADED=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["uploaded"])' "$WORK/upload.json")
python3 - "$START" "$END" "$N" "$BYTES" "$UPLOADED" "$BEFORE" "$AFTER" <<'PY'
import sys
start, end, n, size, up, before, after = sys.argv[1:]
secs = float(end) - float(start)
print(f"dataset upload: {n} files, {int(size)} bytes: {secs:.1f} s, {up} recorded, "
      f"{int(after) - int(before)} transactions")
PY
START=$(date +%s.%N)
"$COHORT_BIN" dataset review bench --all-pending --accept --score 50 --json --no-progress > "$WORK/review.json"
END=$(date +%s.%N)
python3 - "$START" "$END" "$WORK/review.json" <<'PY'
import json, sys
start, end, path = sys.argv[1:]
n = len(json.load(open(path))["reviewed"])
print(f"dataset review --accept: {n} files checked and accepted in {float(end) - float(start):.1f} s")
PY
