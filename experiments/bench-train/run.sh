#!/usr/bin/env bash
# Side-by-side training throughput: ScaleSim's CPU backend and the PyTorch peer, same shapes, same machine, same run.
# Usage: [LD_LIBRARY_PATH=…/openblas-pthread OPENBLAS_NUM_THREADS=1] experiments/bench-train/run.sh [PEER] [OUT]
#   (the peer inherits the environment; see README.md for why it needs a fast BLAS)
#   PEER  path of torch_gpt_peer.py (default experiments/bench-train/peers/torch_gpt_peer.py, the repository's copy)
#   OUT   directory for the JSON results (default experiments/bench-train/results)
# Needs (on your machine only, never in CI): apt-get update && apt-get install -y python3-torch python3-numpy
# Measure on a quiet machine: a build or test run beside it makes every number meaningless (check `uptime`).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
peer="${1:-$root/experiments/bench-train/peers/torch_gpt_peer.py}"
out="${2:-$root/experiments/bench-train/results}"
mkdir -p "$out"
dotnet build "$root/src/ScaleSim.Cli" -c Release -v quiet --nologo >/dev/null
scalesim="$root/src/ScaleSim.Cli/bin/Release/net10.0/scalesim"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for shape in "2 64 4" "4 128 4"; do
  set -- $shape
  for threads in 1 2; do
    name="L$1-d$2-threads$threads"
    # bench train runs the peer itself (1 and 2 threads, the README's environment) after timing ScaleSim.
    "$scalesim" bench train --layers "$1" --d-model "$2" --heads "$3" --context 64 --vocab 256 --batch 16 \
      --threads "$threads" --seconds 5 --peer "$peer" --peer-steps 100 --json > "$out/$name.json"
    python3 - "$out/$name.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
peers = ", ".join("%dt %.0f" % (p["threads"], p["tokens_per_s"]) for p in r["peer"])
print("L=%d d=%d threads=%d: scalesim %.0f tok/s (%.0f GFLOP/s 6N, %.0f%% of %.0f GFLOP/s matmul peak, %.0f MiB); peer best %.0f tok/s (%s); ratio %.2fx" % (
    r["layers"], r["d_model"], r["threads"], r["tokens_per_s"], r["gflops_per_s"]["6nd"], 100 * r["share_of_matmul_peak_6nd"],
    r["matmul_peak_gflops_per_s"], r["peak_working_set_mib"], r["peer_best_tokens_per_s"], peers, r["speedup_vs_peer"]))
PY
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
# The peer's own matmul peak through oneDNN, for reference:
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 - <<'PY'
import time, torch
for threads in (1, 2):
    torch.set_num_threads(threads)
    a = torch.randn(512, 512); b = torch.randn(512, 512)
    for _ in range(20): a @ b
    best = 0
    t_end = time.perf_counter() + 1
    while time.perf_counter() < t_end:
        t0 = time.perf_counter(); a @ b; best = max(best, 2 * 512**3 / (time.perf_counter() - t0) / 1e9)
    print(f"torch 512^3 matmul peak, {threads} thread(s): {best:.0f} GFLOP/s")
PY
