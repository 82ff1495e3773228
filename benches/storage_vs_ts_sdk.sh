#!/usr/bin/env bash
# cohort vs the official 0G TS SDK (@0gfoundation/0g-ts-sdk 1.2.8, tests/interop) on one file:
#   1. Merkle root: wall time, MB/s and peak RSS (/usr/bin/time -v): cohort 1 thread, cohort all
#      threads, the SDK (ZgFile.merkleTree()).
#   2. A full upload (tree, fee, submit, segments, finality) to the same local devnet: cohort vs
#      the SDK, each with its own file of the same size (so neither finds the other's root);
#      cohort UPLOAD_RUNS times (default 3), a new file each time, the median reported.
#   3. A download of cohort's file from that devnet's node: cohort (every proof and the root
#      checked, RUNS runs) vs the SDK's Downloader without proofs (SDK_RUNS runs); both byte-compared.
# Usage: benches/storage_vs_ts_sdk.sh [SIZE_MIB=256] [--root-only]
#   --root-only skips the upload (no devnet, no COHORT_ANVIL needed).
#   RUNS (default 5) runs of each cohort root, SDK_RUNS (default 1) of the SDK's (about 10 MB/s):
#   the median wall time is reported, and the largest peak RSS. REST (default 20): seconds of
#   quiet before each download run (the node's per-peer rate; see below).
# Needs: node, `npm ci --prefix tests/interop`, COHORT_ANVIL (see README), /usr/bin/time.
# COHORT_BIN picks the cohort binary (default: builds target/release/cohort).
set -euo pipefail
cd "$(dirname "$0")/.."
MIB=256
ROOT_ONLY=0
for a in "$@"; do
  case $a in
    --root-only) ROOT_ONLY=1 ;;
    *[!0-9]* | '') echo "usage: $0 [SIZE_MIB] [--root-only]" >&2; exit 2 ;;
    *) MIB=$a ;;
  esac
done
RUNS=${RUNS:-5}
SDK_RUNS=${SDK_RUNS:-1}
if [ -z "${COHORT_BIN:-}" ]; then
  cargo build --release --quiet --bin cohort
  COHORT_BIN=$PWD/target/release/cohort
fi
[ -d tests/interop/node_modules/@0gfoundation/0g-ts-sdk ] || {
  echo "run: npm ci --prefix tests/interop" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (GNU time)" >&2; exit 2; }

WORK=$(mktemp -d)
export COHORT_HOME=$WORK/home
cleanup() { "$COHORT_BIN" devnet down >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT

echo "generating $MIB MiB of random data in $WORK" >&2
head -c $((MIB * 1048576)) /dev/urandom > "$WORK/a.bin"
UPLOAD_RUNS=${UPLOAD_RUNS:-3}
if [ "$ROOT_ONLY" = 0 ]; then
  head -c $((MIB * 1048576)) /dev/urandom > "$WORK/b.bin"
  # cohort's uploads: a.bin first (downloaded below), then a new file for each further run.
  ln "$WORK/a.bin" "$WORK/up0.bin"
  for ((i = 1; i < UPLOAD_RUNS; i++)); do
    head -c $((MIB * 1048576)) /dev/urandom > "$WORK/up$i.bin"
  done
fi
BYTES=$((MIB * 1048576))
cat "$WORK"/*.bin > /dev/null   # page cache

ROWS=()
# measure N NAME OP CMD...: runs CMD N times under /usr/bin/time -v; records the median wall
# time (and its MB/s), the largest peak RSS and the highest 1-minute load average seen right
# after a run (the machine may be shared). Sets LAST_SECS to that median.
measure() {
  local n=$1 name=$2 op=$3; shift 3
  local walls=() maxrss=0 wall rss secs i load maxload=0
  for ((i = 0; i < n; i++)); do
    sleep "${PAUSE:-0}"
    /usr/bin/time -v -o "$WORK/time.txt" "$@" > "$WORK/out.txt" 2> "$WORK/err.txt" || {
      echo "$name $op failed:" >&2; tail -20 "$WORK/err.txt" >&2; exit 1; }
    wall=$(grep 'Elapsed (wall clock)' "$WORK/time.txt" | awk '{print $NF}')
    rss=$(grep 'Maximum resident' "$WORK/time.txt" | awk '{print $NF}')
    secs=$(echo "$wall" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    walls+=("$secs")
    if ((rss > maxrss)); then maxrss=$rss; fi
    load=$(cut -d' ' -f1 /proc/loadavg)
    maxload=$(awk -v a="$load" -v b="$maxload" 'BEGIN{print (a > b) ? a : b}')
  done
  LAST_SECS=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{a[NR]=$1} END{print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}')
  ROWS+=("$(printf '%-28s %-10s %4d %9.2f %10.1f %10.1f %6.2f' "$name" "$op" "$n" "$LAST_SECS" \
    "$(awk -v b=$BYTES -v s="$LAST_SECS" 'BEGIN{ if (s>0) print b/1e6/s; else print 0 }')" \
    "$(awk -v k="$maxrss" 'BEGIN{print k/1024}')" "$maxload")")
}

measure "$RUNS" "cohort (1 thread)" root "$COHORT_BIN" storage root "$WORK/a.bin" --threads 1 --json
T1=$LAST_SECS
R1=$(grep '"root"' "$WORK/out.txt" | head -1)
measure "$RUNS" "cohort ($(nproc) threads)" root "$COHORT_BIN" storage root "$WORK/a.bin" --json
TN=$LAST_SECS
measure "$SDK_RUNS" "0g-ts-sdk 1.2.8" root node tests/interop/root.mjs "$WORK/a.bin"
TS=$LAST_SECS
R3=$(cat "$WORK/out.txt")
echo "cohort root: $R1" >&2
echo "sdk    root: $R3" >&2
NOTES=("$(awk -v a="$TS" -v b="$TN" -v c="$T1" -v n="$(nproc)" 'BEGIN{
  printf "root: cohort on %d threads is %.1fx the SDK; 1 -> %d threads %.2fx (%.0f%% scaling)",
    n, a/b, n, c/b, c/b/n*100 }')")

report() {
  printf '\n%s MiB file, %s CPU cores (%s)\n' "$MIB" "$(nproc)" "$(uname -m)"
  printf '%-28s %-10s %4s %9s %10s %10s %6s\n' TOOL OP RUNS "WALL s" "MB/s" "RSS MiB" "LOAD"
  printf '%s\n' "${ROWS[@]}"
  printf '%s\n' "${NOTES[@]}"
}
if [ "$ROOT_ONLY" = 1 ]; then report; exit 0; fi

echo "starting a devnet" >&2
"$COHORT_BIN" devnet up --port 0 --json > "$WORK/devnet.json"
read -r RPC FLOW NODES < <(node -e '
  const s = JSON.parse(require("fs").readFileSync(process.argv[1])).status;
  const flow = s.contracts.find((c) => c.name === "flow").address;
  console.log(s.rpc_url, flow, s.storage_nodes.join(","));' "$WORK/devnet.json")
# anvil dev account 1 (a published test key): the SDK's signer; cohort signs with dev:0.
SDK_KEY=0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d
echo 0 > "$WORK/next"
measure "$UPLOAD_RUNS" "cohort" upload bash -c \
  'n=$(cat "$1/next"); echo $((n + 1)) > "$1/next"; exec "$2" storage upload "$1/up$n.bin" --json' \
  - "$WORK" "$COHORT_BIN"
TU=$LAST_SECS
ROOT_A=$(grep -o '"root": *"0x[0-9a-f]*"' <<< "$R1" | grep -o '0x[0-9a-f]*')
measure 1 "0g-ts-sdk 1.2.8" upload node tests/interop/upload.mjs "$RPC" "$FLOW" "$NODES" "$SDK_KEY" "$WORK/b.bin"
TSU=$LAST_SECS
# 3. Download of the same file (cohort's upload) from the same node: cohort checks every
#    segment's proof and the whole root; the SDK's Downloader is run without proofs.
# The node takes 500 requests a second from one peer, in bursts of up to 1,000 (its default
# --peer-rate). The SDK asks one segment per request, so back to back its 1,024-segment downloads
# run at that rate (256 KiB × 500/s = 131 MB/s); cohort asks 4 per request. Each download run
# starts after REST seconds of quiet (default 20), so that every run, cohort's and the SDK's,
# starts with the full burst; REST=0 measures downloads back to back.
PAUSE=${REST:-20}
measure "$RUNS" "cohort (every proof)" download "$COHORT_BIN" storage download "$ROOT_A" -o "$WORK/dl.bin" --force --json
TD=$LAST_SECS
cmp "$WORK/a.bin" "$WORK/dl.bin"
measure "$SDK_RUNS" "0g-ts-sdk 1.2.8 (no proofs)" download bash -c \
  "rm -f '$WORK/dl2.bin' && node tests/interop/download.mjs '$NODES' '$ROOT_A' '$WORK/dl2.bin'"
TSD=$LAST_SECS
PAUSE=0
cmp "$WORK/a.bin" "$WORK/dl2.bin"
NOTES+=("$(awk -v a="$TSU" -v b="$TU" -v c="$TSD" -v d="$TD" 'BEGIN{
  printf "upload: cohort is %.1fx the SDK; download: cohort is %.1fx the SDK", a/b, c/d }')")
report
