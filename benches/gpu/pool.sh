#!/bin/bash
# A whole pool on a GPU machine: `cohort quickstart --gpu` makes the demo job require a GPU, so
# both workers train on CUDA and the coordinator re-executes a span of each on the GPU; then
# `job show` (verdicts) and `job audit` (every span of one submission) on the GPU.
#
#   COHORT=target/release/cohort COHORT_ANVIL=/path/to/anvil benches/gpu/pool.sh
#
# Needs a CUDA build (`./install.sh --cuda`) and anvil (`./install.sh` installs it). Uses a fresh
# COHORT_HOME and a devnet on free ports, and stops it at the end.
set -u
O=${OUT:-/tmp/cohort-gpu-pool}; mkdir -p $O
exec > >(tee $O/pool-log.txt) 2>&1
B=${COHORT:-$(command -v cohort)}
L=$(dirname "$(find /opt /usr -name libcublas.so.13 2>/dev/null | head -1)")
export LD_LIBRARY_PATH=$L:${LD_LIBRARY_PATH:-} COHORT_HOME=$(mktemp -d) NO_COLOR=1
t() { local s=$(date +%s%N); timeout 400 "$@"; local rc=$?; echo "[rc=$rc $(( ($(date +%s%N) - s) / 1000000 )) ms] $*" >&2; return $rc; }
nvidia-smi --query-gpu=name --format=csv,noheader
t $B --json quickstart --gpu --port 0 > $O/qs.json; echo "quickstart rc=$?"
python3 - $O/qs.json <<'PY' > $COHORT_HOME/ids
import json,sys
r=json.load(open(sys.argv[1]))
print(r["job_id"]); w=[m["address"] for m in r["members"] if "worker" in m["role"]]; print(w[0] if w else "")
print("loss by round", r["validation_loss_by_round"], "seconds", r["seconds"], file=sys.stderr)
print("claims ok", all(m["claim_ok"] for m in r["members"]), file=sys.stderr)
PY
JOB=$(sed -n 1p $COHORT_HOME/ids); W=$(sed -n 2p $COHORT_HOME/ids); echo "job=$JOB worker=$W"
t $B --json job show $JOB > $COHORT_HOME/show.json; python3 -c "
import json; j=json.load(open('$COHORT_HOME/show.json')); print(json.dumps(j, indent=1)[:3000])"
t $B job show $JOB
t $B --json job audit $JOB --round 0 --worker $W > $COHORT_HOME/audit.json; echo "audit rc=$?"; head -c 2000 $COHORT_HOME/audit.json
t $B devnet down
echo done
