#!/usr/bin/env bash
# Soak probe for the storage node's limits (issue 19, run by a person, not CI).
#
# Starts a devnet with one storage node, then 64 clients (each from its own loopback address,
# 127.0.0.2-65) send garbage for DURATION seconds: the probe's 2 MB batch of 1,000,000 tiny
# items, 2 MB of random bytes, a batch nested a million deep, a body over the size limit, and
# 1,000-call batches of junk calls. Meanwhile a legitimate `cohort storage upload` of a
# 32 MiB file runs and is downloaded back. Prints the node's peak RSS (VmHWM) and fails if it
# reaches 256 MiB or the upload does not complete byte-identical.
#
#   scripts/node-soak.sh                 # uses target/release/cohort if built, else target/debug
#   DURATION=120 COHORT_BIN=... scripts/node-soak.sh
#
# Needs: curl, ss, python3, and COHORT_ANVIL pointing at anvil (as the tests).
set -euo pipefail

DURATION=${DURATION:-60}
CLIENTS=64
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${COHORT_BIN:-}
if [ -z "$bin" ]; then
  if [ -x "$root/target/release/cohort" ]; then bin=$root/target/release/cohort; else bin=$root/target/debug/cohort; fi
fi
[ -x "$bin" ] || { echo "no cohort binary at $bin: run cargo build first" >&2; exit 2; }
: "${COHORT_ANVIL:?point COHORT_ANVIL at an anvil binary}"

work=$(mktemp -d /tmp/cohort-soak.XXXXXX)
export COHORT_HOME=$work/home
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  "$bin" devnet down >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "devnet up (binary $bin)"
"$bin" devnet up --port 0 --nodes 1 --json >"$work/up.json"
url=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["status"]["storage_nodes"][0])' "$work/up.json")
port=${url##*:}
node_pid=$(ss -ltnpH "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
[ -n "$node_pid" ] || { echo "cannot find the node listening on $port" >&2; exit 1; }
echo "node $url pid $node_pid"

python3 - "$work" <<'EOF'
import json, os, sys
w = sys.argv[1]
open(f"{w}/batch1m", "w").write("[" + ",".join(["1"] * 1_000_000) + "]")
open(f"{w}/random", "wb").write(os.urandom(2_000_000))
open(f"{w}/nested", "w").write("[" * 1_000_000 + "]" * 1_000_000)
open(f"{w}/oversized", "w").write("[" + " " * (17 << 20) + "]")
calls = [{"jsonrpc": "2.0", "id": i, "method": "zgs_uploadSegment",
          "params": [{"root": "0x" + "ab" * 32, "data": "AAAA" * 64, "index": i,
                      "proof": {"lemma": [], "path": []}, "fileSize": 11 << 20}]}
         for i in range(1000)]
open(f"{w}/junkcalls", "w").write(json.dumps(calls))
EOF

kinds=(batch1m random nested oversized junkcalls)
end=$((SECONDS + DURATION))
for i in $(seq 0 $((CLIENTS - 1))); do
  (
    n=0
    while [ $SECONDS -lt $end ]; do
      k=${kinds[$(((i + n) % ${#kinds[@]}))]}
      curl -s -o /dev/null -m 60 --interface "127.0.0.$((i + 2))" \
        -H 'content-type: application/json' --data-binary "@$work/$k" "$url/" || true
      n=$((n + 1))
    done
    echo "$n" >"$work/count.$i"
  ) &
  pids+=($!)
done

head -c $((32 << 20)) /dev/urandom >"$work/legit.bin"
t0=$SECONDS
"$bin" storage upload "$work/legit.bin" --wallet dev:1 --json --no-progress >"$work/upload.json"
root_hex=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["root"])' "$work/upload.json")
"$bin" storage download "$root_hex" --output "$work/back.bin" --json --no-progress >/dev/null
cmp "$work/legit.bin" "$work/back.bin"
echo "legitimate 32 MiB upload + download completed under load in $((SECONDS - t0)) s"

for p in "${pids[@]}"; do wait "$p" || true; done
pids=()
sent=$(cat "$work"/count.* | paste -sd+ | bc)
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$node_pid/status")
rss=$(awk '/VmRSS/ {print $2}' "/proc/$node_pid/status")
echo "garbage requests sent: $sent by $CLIENTS clients in ${DURATION} s"
echo "node peak RSS (VmHWM): $((hwm / 1024)) MiB; now (VmRSS): $((rss / 1024)) MiB"
if [ "$hwm" -ge $((256 * 1024)) ]; then
  echo "FAIL: peak RSS reached 256 MiB" >&2
  exit 1
fi
echo "ok"
