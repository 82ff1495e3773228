#!/bin/bash
# Checks a CUDA build of cohort on a GPU machine and measures it against the CPU in the same run:
# GPU training (tiny spec, twice: are the checkpoints identical?), eval on GPU and CPU, span
# re-execution GPU↔CPU and with another worker's batches, the small spec (dropout 0.1: masks drawn
# on the GPU) twice with a span of it re-executed on the CPU and the GPU, and its tokens/s.
#
#   COHORT=target/release/cohort OUT=/tmp/gpu benches/gpu/check.sh     (from the repository root)
#
# Build first with `./install.sh --cuda` or `cargo build --release --features cuda`. The CUDA
# libraries (cuBLAS, cuRAND) are looked up under /opt and /usr when not on LD_LIBRARY_PATH.
# Figures from an H200 are in README.md ("Training on a GPU").
set -u
B=${COHORT:-$(command -v cohort)}
O=${OUT:-/tmp/cohort-gpu-check}; mkdir -p $O
exec > >(tee $O/log.txt) 2>&1
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader; nproc
LD=""
for n in libcublas.so.13 libcublasLt.so.13 libcurand.so.10 libnvrtc.so.13 libcudart.so.13; do
  d=$(find /opt /usr /usr/local -name $n 2>/dev/null | head -1); echo "$n -> $d"; [ -n "$d" ] && LD=$LD:$(dirname $d)
done
export LD_LIBRARY_PATH=${LD#:}:${LD_LIBRARY_PATH:-}
export COHORT_HOME=$(mktemp -d) NO_COLOR=1
W=$(mktemp -d); D=fixtures/corpus; TINY=fixtures/jobs/tiny.toml; SMALL=fixtures/jobs/small.toml
t() { local s=$(date +%s%N); timeout 240 "$@"; local rc=$?; echo "[rc=$rc $(( ($(date +%s%N) - s) / 1000000 )) ms] $*" >&2; return $rc; }
ldd $B | grep -E "cuda|cublas|curand|nvrtc|not found"
t $B --version
echo "== tiny 300 steps on cuda, twice"
t $B --json train --data $D --config $TINY --out $W/g1 --device cuda > $W/g1.json; head -c 1500 $W/g1.json; echo
t $B --json train --data $D --config $TINY --out $W/g2 --device cuda > /dev/null
sha256sum $W/g1/*.safetensors $W/g2/*.safetensors
echo "== tiny 300 steps on cpu (16 threads)"
t $B --json train --data $D --config $TINY --out $W/c1 --device cpu > $W/c1.json; head -c 1500 $W/c1.json; echo
echo "== eval the GPU checkpoint on cuda and cpu"
t $B --json model eval $W/g1/step-000300.safetensors --data $D --split val --device cuda
t $B --json model eval $W/g1/step-000300.safetensors --data $D --split val --device cpu
t $B --json model eval $W/g1/step-000000.safetensors --data $D --split val --device cuda
t $B model generate $W/g1/step-000300.safetensors --prompt "KING HENRY:" --max-tokens 200 --seed 3; echo
echo "== verify span 100..200 of the GPU run: on cuda, then on cpu"
t $B --json model verify --from $W/g1/step-000100.safetensors --claimed $W/g1/step-000200.safetensors --data $D --config $TINY --device cuda > $W/v_gpu.json; echo "rc=$?"; head -c 600 $W/v_gpu.json; echo
t $B --json model verify --from $W/g1/step-000100.safetensors --claimed $W/g1/step-000200.safetensors --data $D --config $TINY --device cpu > $W/v_cpu.json; echo "rc=$?"; head -c 600 $W/v_cpu.json; echo
echo "== verify the CPU run's span on cuda"
t $B --json model verify --from $W/c1/step-000100.safetensors --claimed $W/c1/step-000200.safetensors --data $D --config $TINY --device cuda > $W/v_c_on_gpu.json; echo "rc=$?"; head -c 600 $W/v_c_on_gpu.json; echo
echo "== the GPU span claimed by another worker address (other batches), re-executed on cpu"
t $B --json model verify --from $W/g1/step-000100.safetensors --claimed $W/g1/step-000200.safetensors --data $D --config $TINY --device cpu --worker 0x0000000000000000000000000000000000000001 | head -c 600; echo
cp $W/g1/step-000100.safetensors $O/g1-100.safetensors; cp $W/g1/step-000200.safetensors $O/g1-200.safetensors
cp $W/c1/step-000100.safetensors $O/c1-100.safetensors; cp $W/c1/step-000200.safetensors $O/c1-200.safetensors
echo "== small (dropout 0.1) 20 steps on cuda twice, checkpoints every 10; span 10..20 re-executed on cpu and cuda"
t $B --json train --data $D --config $SMALL --out $W/d1 --steps 20 --checkpoint-every 10 --device cuda > /dev/null
t $B --json train --data $D --config $SMALL --out $W/d2 --steps 20 --checkpoint-every 10 --device cuda > /dev/null
sha256sum $W/d1/*.safetensors $W/d2/*.safetensors
t $B --json model verify --from $W/d1/step-000010.safetensors --claimed $W/d1/step-000020.safetensors --data $D --config $SMALL --device cuda | head -c 600; echo
t $B --json model verify --from $W/d1/step-000010.safetensors --claimed $W/d1/step-000020.safetensors --data $D --config $SMALL --device cpu | head -c 600; echo
echo "== small (4x256, ctx 256, batch 32): 200 steps cuda, 30 steps cpu"
t $B --json train --data $D --config $SMALL --out $W/gs --steps 200 --device cuda > $W/gs.json; head -c 1200 $W/gs.json; echo
t $B --json train --data $D --config $SMALL --out $W/cs --steps 30 --device cpu > $W/cs.json; head -c 1200 $W/cs.json; echo
echo done
