#!/usr/bin/env bash
# Issue 16's GPU checks in one run with a time bound on every step, for the short windows a GPU machine is lent:
# correctness (bench verify), PTX resources (ptxas -v), training speed at the two benchmark shapes and a large one
# beside the PyTorch peer on the same GPU, how many runs of a sweep to train at once (bench concurrent), the
# tiny-chinchilla sweep end to end against its 2-core CPU time, a profile, and gpu-chinchilla with what time is left.
# Every result (JSON, logs, a summary) lands under the output directory; a step that fails or times out is recorded
# and the next one runs.
#
# Usage (from the repository root; needs no .NET SDK when out/gpu-bundle/scalesim is there, see build-gpu-bundle.sh):
#   experiments/bench-train/gpu-check.sh [--device cuda] [--budget 420] [--out DIR] [--no-peer] [--no-profile] [--quick]
#     --device D      cuda (default), or cpu / ilgpu-cpu to test this script on a machine without a GPU
#     --budget S      seconds for all steps together (default 420); a step starts only if its minimum still fits,
#                     and its bound is cut to what is left, so the whole script ends within about S + 15 seconds
#     --out DIR       where results go (default $OUT when set, else ./gpu-check-out)
#     --scalesim P    the scalesim binary (default out/gpu-bundle/scalesim, else the Release build in src/)
#     --no-peer       skip the PyTorch peer
#     --no-profile    skip nsys and ncu
#     --quick         tiny shapes, one-second timings and the seconds-long gpu-check-tiny sweep: for testing the
#                     script itself (on ilgpu-cpu it takes about 5 minutes on the 2-core machine); no target applies
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/experiments/bench-train"
device=cuda budget=420 out="${OUT:-$PWD/gpu-check-out}" scalesim="" peer=1 profile=1 quick=0
while [ $# -gt 0 ]; do
  case "$1" in
    --device) device="$2"; shift 2 ;;
    --budget) budget="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --scalesim) scalesim="$2"; shift 2 ;;
    --no-peer) peer=0; shift ;;
    --no-profile) profile=0; shift ;;
    --quick) quick=1; shift ;;
    *) echo "gpu-check.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
if [ -z "$scalesim" ]; then
  scalesim="$root/out/gpu-bundle/scalesim"
  [ -x "$scalesim" ] || scalesim="$root/src/ScaleSim.Cli/bin/Release/net10.0/scalesim"
fi
[ -x "$scalesim" ] || { echo "gpu-check.sh: no scalesim binary at $scalesim (run experiments/bench-train/build-gpu-bundle.sh)" >&2; exit 2; }
mkdir -p "$out/logs"
out="$(cd "$out" && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/gpu-check.XXXXXX")"
# The single-file binary unpacks its native libraries here on first start (the default, ~/.net, may not be writable).
export DOTNET_BUNDLE_EXTRACT_BASE_DIR="$work/bundle"
export DOTNET_CLI_TELEMETRY_OPTOUT=1
start=$(date +%s)
deadline=$((start + budget))
steps="$out/steps.tsv"
printf 'step\tstatus\tseconds\tbound_s\tcommand\n' > "$steps"

# ILGPU opens the CUDA driver as "libcuda.so"; a driver-only install may have just libcuda.so.1. Point a private
# directory's libcuda.so at the real driver library (never the toolkit's stubs/libcuda.so, which fails every call).
if [ "$device" = cuda ] && ! ldconfig -p 2>/dev/null | grep -q 'libcuda\.so '; then
  real="$(ldconfig -p 2>/dev/null | awk '/libcuda\.so\.1 /{print $NF; exit}')"
  for candidate in "$real" /usr/lib/x86_64-linux-gnu/libcuda.so.1 /usr/lib64/libcuda.so.1 /usr/local/nvidia/lib64/libcuda.so.1; do
    if [ -n "$candidate" ] && [ -e "$candidate" ]; then
      mkdir -p "$work/libcuda" && ln -sf "$candidate" "$work/libcuda/libcuda.so"
      export LD_LIBRARY_PATH="$work/libcuda${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
      echo "libcuda.so -> $candidate (private link)" >> "$out/logs/environment.log"
      break
    fi
  done
fi

python="$(command -v python3 || true)"
ptxas="$(command -v ptxas || ls /usr/local/cuda/bin/ptxas 2>/dev/null || true)"
ncu="$(command -v ncu || ls /usr/local/cuda/bin/ncu 2>/dev/null || true)"
nsys="$(command -v nsys || ls /usr/local/cuda/bin/nsys 2>/dev/null || true)"

# step NAME MIN_SECONDS BOUND_SECONDS STDOUT_FILE COMMAND…: runs COMMAND under `timeout` with BOUND cut to the time
# left, stdout to STDOUT_FILE (or the log when "-"), stderr to logs/NAME.log; records one line in steps.tsv.
step() {
  local name="$1" min="$2" bound="$3" stdout="$4"; shift 4
  local now left status t0 t1 rc
  now=$(date +%s); left=$((deadline - now))
  if [ "$left" -lt "$min" ]; then
    printf '%s\tskipped (%ss left, needs %ss)\t0\t0\t%s\n' "$name" "$left" "$min" "$*" >> "$steps"
    echo "[gpu-check] $name: skipped, ${left}s left" >&2
    return 99
  fi
  [ "$bound" -gt "$left" ] && bound=$left
  [ "$stdout" = "-" ] && stdout="$out/logs/$name.log"
  echo "[gpu-check] $name (at most ${bound}s): $*" >&2
  t0=$(date +%s.%N)
  # SIGINT first: simulate and sweep runs stop at their next step, resumable; KILL 10 s later if anything hangs.
  timeout -s INT -k 10 "$bound" "$@" > "$stdout" 2>> "$out/logs/$name.log"
  rc=$?
  t1=$(date +%s.%N)
  case $rc in
    0) status=ok ;;
    124|130|137) status="timed out (rc $rc)" ;;
    *) status="failed (rc $rc)" ;;
  esac
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$status" "$(awk "BEGIN { printf \"%.1f\", $t1 - $t0 }")" "$bound" "$*" >> "$steps"
  echo "[gpu-check] $name: $status" >&2
  return $rc
}

# --- 0. The machine ------------------------------------------------------------------------------------------------
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"; echo "host: $(uname -a)"; echo "cpus: $(nproc)"
  echo "device: $device, budget: ${budget}s, quick: $quick"
  echo "scalesim: $scalesim"; cat "$(dirname "$scalesim")/BUILD_INFO" 2>/dev/null
  echo "dotnet: $(command -v dotnet || echo absent) $(dotnet --version 2>/dev/null)"
  echo "python3: ${python:-absent}"; echo "ptxas: ${ptxas:-absent}"; echo "ncu: ${ncu:-absent}"; echo "nsys: ${nsys:-absent}"
  echo "libcuda: $(ldconfig -p 2>/dev/null | grep libcuda | tr '\n' ';')"
  echo "LD_LIBRARY_PATH: ${LD_LIBRARY_PATH:-}"
} >> "$out/logs/environment.log" 2>&1
if command -v nvidia-smi > /dev/null; then
  nvidia-smi > "$out/nvidia-smi.txt" 2>&1
  nvidia-smi --query-gpu=name,memory.total,clocks.max.sm,clocks.max.mem,power.limit,driver_version --format=csv >> "$out/nvidia-smi.txt" 2>&1
  # GPU utilisation and clocks every half second while the steps run (stopped at the end).
  nvidia-smi --query-gpu=timestamp,utilization.gpu,utilization.memory,memory.used,power.draw,clocks.sm --format=csv -lms 500 > "$out/gpu-utilisation.csv" 2>/dev/null &
  smi_pid=$!
fi
if [ -n "$python" ]; then
  "$python" -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda, "available", torch.cuda.is_available())' \
    >> "$out/logs/environment.log" 2>&1
fi

# --- 1. Correctness: the backend tests' checks, on the device -------------------------------------------------------
if [ "$quick" = 1 ]; then shapes=(--shapes tiny); else shapes=(); fi
step verify 30 150 "$out/verify.json" "$scalesim" bench verify --device "$device" "${shapes[@]}" --json

# --- 2. PTX of every kernel, and what ptxas makes of it (registers, spills, shared memory) ----------------------------
step ptx 10 30 "$out/ptx.json" "$scalesim" bench ptx --out "$out/ptx" --compute 9.0 --json
if [ -n "$ptxas" ] && [ -d "$out/ptx" ]; then
  step ptxas 10 30 - bash -c 'for f in "$1"/*.ptx; do echo "== $(basename "$f")"; "$2" -arch=sm_90 -v "$f" -o /dev/null 2>&1; done' _ "$out/ptx" "$ptxas"
fi

# --- 3. Training speed: ScaleSim on the device, the PyTorch peer on the same device, same shapes ----------------------
peer_args=()
if [ "$peer" = 1 ] && [ -n "$python" ]; then
  peer_args=(--peer "$here/peers/torch_gpt_peer.py" --python "$python")
fi
if [ "$quick" = 1 ]; then
  shapes_train=("bench 1 8 2 8 16 2 1" "small 1 16 2 8 16 2 1" "large 2 16 2 8 16 2 1")
  timing=(--warmup 0.5 --seconds 1 --min-steps 3)
else
  # name L d H T V B peer-steps
  shapes_train=("L2-d64 2 64 4 64 256 16 100" "L4-d128 4 128 4 64 256 16 100" "L8-d512 8 512 8 256 256 64 30")
  timing=(--warmup 2 --seconds 4 --min-steps 5)
fi
for shape in "${shapes_train[@]}"; do
  set -- $shape
  bound=75; [ "$1" = L8-d512 ] && bound=150
  step "train-$1" 20 "$bound" "$out/train-$1.json" "$scalesim" bench train --device "$device" --layers "$2" --d-model "$3" --heads "$4" \
    --context "$5" --vocab "$6" --batch "$7" --threads 1 "${timing[@]}" "${peer_args[@]}" --peer-steps "$8" --json
done

# --- 4. How many runs of a sweep at once: aggregate tokens/s for K runs on one device --------------------------------
if [ "$quick" = 1 ]; then
  step concurrent 15 60 "$out/concurrent.json" "$scalesim" bench concurrent --device "$device" --layers 1 --d-model 8 --heads 2 \
    --context 8 --vocab 16 --batch 2 --runs 1,2,4 --seconds 1 --warmup 0.5 --json
else
  step concurrent 30 100 "$out/concurrent.json" "$scalesim" bench concurrent --device "$device" --experiment tiny-chinchilla \
    --runs 1,2,4,8,16,32 --seconds 3 --warmup 1 --json
fi
parallel=$("${python:-python3}" -c 'import json,sys; print(json.load(open(sys.argv[1]))["recommended_runs"])' "$out/concurrent.json" 2>/dev/null || echo 8)
echo "runs at once for the sweeps: $parallel" >> "$out/logs/environment.log"

# --- 5. A sweep end to end on the device, timed, against the same sweep on the 2-core CPU -----------------------------
if [ "$quick" = 1 ]; then sweep="$here/gpu-check-tiny.json" sweep_name=gpu-check-tiny bootstrap=20; else sweep=tiny-chinchilla sweep_name=tiny-chinchilla bootstrap=200; fi
step "simulate-$sweep_name" 60 240 "$out/simulate-$sweep_name.json" "$scalesim" simulate --experiment "$sweep" --device "$device" \
  --parallel "$parallel" --runs "$work/runs/$sweep_name" --out "$out/simulate-$sweep_name" --bootstrap "$bootstrap" --json

# --- 6. Where the time goes: kernel times against wall time (nsys), and per-kernel occupancy and throughput (ncu) -----
if [ "$profile" = 1 ] && [ "$device" = cuda ]; then
  if [ -n "$nsys" ]; then
    step nsys 40 90 - "$nsys" profile --force-overwrite true -o "$work/nsys-L2-d64" --trace cuda --stats true \
      "$scalesim" bench train --device cuda --layers 2 --d-model 64 --heads 4 --context 64 --vocab 256 --batch 16 --warmup 1 --seconds 2 --json
    cp "$out/logs/nsys.log" "$out/nsys-L2-d64-stats.txt" 2>/dev/null
  fi
  if [ -n "$ncu" ]; then
    # One step of the large shape is about 330 launches; skip the first two steps, profile 60 launches of the third.
    step ncu 60 150 - "$ncu" --force-overwrite --launch-skip 700 --launch-count 60 --section SpeedOfLight --section Occupancy \
      --section LaunchStats -o "$work/ncu-L8-d512" "$scalesim" bench train --device cuda --layers 8 --d-model 512 --heads 8 \
      --context 256 --vocab 256 --batch 64 --warmup 0 --seconds 0.1 --min-steps 2 --json \
      && "$ncu" --import "$work/ncu-L8-d512.ncu-rep" --csv --page details > "$out/ncu-L8-d512-details.csv" 2>> "$out/logs/ncu.log"
  fi
fi

# --- 7. The larger experiment, with whatever time is left (resumable; the summary counts the runs completed) ----------
if [ "$quick" = 0 ]; then
  now=$(date +%s)
  step simulate-gpu-chinchilla 90 $((deadline - now)) "$out/simulate-gpu-chinchilla.json" "$scalesim" simulate --experiment gpu-chinchilla \
    --device "$device" --parallel "$parallel" --runs "$work/runs/gpu-chinchilla" --out "$out/simulate-gpu-chinchilla" --json
  [ -f "$work/runs/gpu-chinchilla/runs.csv" ] && cp "$work/runs/gpu-chinchilla/runs.csv" "$out/gpu-chinchilla-runs.csv"
fi

# --- The summary -------------------------------------------------------------------------------------------------------
[ -n "${smi_pid:-}" ] && kill "$smi_pid" 2>/dev/null
cp "$work/runs/$sweep_name/runs.csv" "$out/$sweep_name-runs.csv" 2>/dev/null
echo "total: $(( $(date +%s) - start ))s of a ${budget}s budget" >> "$out/logs/environment.log"
if [ -n "$python" ]; then
  "$python" "$here/gpu-check-summary.py" "$out" "$root" > "$out/summary.md" 2> "$out/logs/summary.log" || echo "summary failed: see logs/summary.log" >&2
  cat "$out/summary.md"
fi
rm -rf "$work"
