#!/usr/bin/env bash
# Download failover, measured by hand (issue 19, point 9): on a 2-node devnet of one shard (both
# nodes hold every segment) a file is uploaded, then downloaded twice: undisturbed, and with
# node 0 killed (kill -9) once a quarter of the file has arrived. Prints both times and the
# download's `nodes_marked_down`. Target: the disturbed download under 2x the undisturbed one.
#
#   scripts/download-failover.sh [SIZE_MIB]        (default 128)
#   COHORT=target/debug/cohort scripts/download-failover.sh 128
#
# Needs anvil (COHORT_ANVIL or PATH, see install.sh) and python3 (to read --json output).
# Everything runs in a temporary COHORT_HOME on free ports, removed at the end.
set -euo pipefail

SIZE_MIB=${1:-128}
COHORT=${COHORT:-target/release/cohort}
[ -x "$COHORT" ] || { echo "no cohort binary at $COHORT (cargo build --release, or set COHORT)" >&2; exit 2; }
COHORT=$(realpath "$COHORT")
export COHORT_HOME
COHORT_HOME=$(mktemp -d -t cohort-failover-XXXXXX)
export NO_COLOR=1
cleanup() {
    "$COHORT" devnet down >/dev/null 2>&1 || true
    rm -rf "$COHORT_HOME"
}
trap cleanup EXIT

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }
now() { date +%s.%N; }

echo "cohort: $COHORT ($("$COHORT" --version))"
"$COHORT" devnet up --port 0 --nodes 2 --shards 1 --json >"$COHORT_HOME/up.json"
NODE0=$(json 'd["status"]["storage_nodes"][0]' <"$COHORT_HOME/up.json")
PID0=$(json '[p["pid"] for p in d["status"]["processes"] if p["url"]==d["status"]["storage_nodes"][0]][0]' <"$COHORT_HOME/up.json")

FILE=$COHORT_HOME/data.bin
head -c $((SIZE_MIB << 20)) /dev/urandom >"$FILE"
echo "uploading $SIZE_MIB MiB to both nodes"
ROOT=$("$COHORT" storage upload "$FILE" --json | json 'd["root"]')

t0=$(now)
"$COHORT" storage download "$ROOT" -o "$COHORT_HOME/a.out" --json >"$COHORT_HOME/a.json"
t1=$(now)
cmp "$FILE" "$COHORT_HOME/a.out"

PART=$COHORT_HOME/.b.out.part
QUARTER=$(((SIZE_MIB << 20) / 4))
t2=$(now)
"$COHORT" storage download "$ROOT" -o "$COHORT_HOME/b.out" --json >"$COHORT_HOME/b.json" 2>"$COHORT_HOME/b.err" &
DL=$!
while [ "$(stat -c %s "$PART" 2>/dev/null || echo 0)" -lt "$QUARTER" ] && kill -0 "$DL" 2>/dev/null; do
    sleep 0.01
done
kill -9 "$PID0"
tk=$(now)
wait "$DL"
t3=$(now)
cmp "$FILE" "$COHORT_HOME/b.out"

python3 - "$t0" "$t1" "$t2" "$tk" "$t3" "$NODE0" "$COHORT_HOME/b.json" <<'PY'
import json, sys
t0, t1, t2, tk, t3 = map(float, sys.argv[1:6])
node0, report = sys.argv[6], json.load(open(sys.argv[7]))
a, b = t1 - t0, t3 - t2
print(f"undisturbed download:              {a:6.2f} s")
print(f"node 0 ({node0}) killed at {tk - t2:5.2f} s: {b:6.2f} s  ({b / a:.2f}x)")
print(f"nodes_marked_down: {json.dumps(report.get('nodesMarkedDown', report.get('nodes_marked_down', 'n/a (a cohort without failover)')))}")
PY
