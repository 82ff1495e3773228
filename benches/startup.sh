#!/usr/bin/env bash
# Start-up time of `cohort --version` and `cohort --help`: the median wall time of RUNS runs each
# (default 20), after one untimed run. Never part of CI (no timing asserts in tests).
#
#   benches/startup.sh                      # builds the release binary first
#   COHORT_BIN=target/release/cohort RUNS=50 benches/startup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-20}
bin=${COHORT_BIN:-}
if [ -z "$bin" ]; then
  cargo build --release -q
  bin=target/release/cohort
fi
python3 - "$bin" "$RUNS" <<'PY'
import statistics, subprocess, sys, time
binary, runs = sys.argv[1], int(sys.argv[2])
for args in (["--version"], ["--help"]):
    subprocess.run([binary, *args], stdout=subprocess.DEVNULL, check=True)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([binary, *args], stdout=subprocess.DEVNULL, check=True)
        times.append((time.perf_counter() - t) * 1000)
    print(f"cohort {' '.join(args)}: median {statistics.median(times):.1f} ms, "
          f"min {min(times):.1f} ms, max {max(times):.1f} ms over {runs} runs")
PY
