#!/usr/bin/env python3
"""Summarises a gpu-check.sh output directory as markdown on stdout: every step, the targets of issue 16, and the
numbers behind them with the command that produced each. Works on partial results (a step that failed, timed out or
was skipped is said so). Usage: gpu-check-summary.py OUT_DIR REPOSITORY_ROOT"""
import csv
import json
import os
import re
import sys

out, root = sys.argv[1], sys.argv[2]


def load(name):
    path = os.path.join(out, name)
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def fmt(x, digits=3):
    if x is None:
        return "—"
    if isinstance(x, (int, float)):
        if abs(x) >= 1e4:
            return f"{x:,.0f}"
        return f"{x:.{digits}g}"
    return str(x)


steps = []
try:
    with open(os.path.join(out, "steps.tsv")) as f:
        steps = list(csv.DictReader(f, delimiter="\t"))
except OSError:
    pass
by_step = {s["step"]: s for s in steps}


def cell(x):
    """Text for a markdown table cell (a bare | would end the cell)."""
    return str(x).replace("|", "\\|")


def command_of(step):
    s = by_step.get(step)
    return s["command"].replace(root + "/", "") if s else "(not run)"


def status_of(step):
    s = by_step.get(step)
    return f'{s["status"]}, {s["seconds"]} s' if s else "not run"


baselines = load(os.path.join(root, "experiments/bench-train/cpu-baselines.json")) or {}
env = ""
try:
    env = open(os.path.join(out, "logs/environment.log")).read()
except OSError:
    pass

print("# GPU check results\n")
print("```\n" + env.strip() + "\n```\n")
print("## Steps\n")
print("| step | status | seconds | bound | command |\n|---|---|---:|---:|---|")
for s in steps:
    print(f'| {s["step"]} | {s["status"]} | {s["seconds"]} | {s["bound_s"]} | `{s["command"].replace(root + "/", "")}` |')

targets = []

# Correctness.
verify = load("verify.json")
print("\n## Correctness (`bench verify`)\n")
if verify:
    print(f'{verify["backend"]}: {verify["checks_run"] - verify["failed_checks"]} of {verify["checks_run"]} checks passed '
          f'in {verify["seconds"]} s. Command: `{command_of("verify")}`.\n')
    print("| check | shape | quantity | tolerance | worst / allowed | passed | worst element |\n|---|---|---|---|---:|---|---|")
    for c in verify["checks"]:
        ratio = "exact" if c["worst_ratio"] is None else fmt(c["worst_ratio"])
        print(f'| {c["check"]} | {cell(c["shape"])} | {cell(c["quantity"])} | {cell(c["tolerance"])} | {ratio} | {"yes" if c["passed"] else "**NO**"} | {cell(c["detail"])} |')
    targets.append(("agreement and gradient checks pass on the device", f'{verify["checks_run"] - verify["failed_checks"]} of {verify["checks_run"]}', verify["passed"]))
else:
    print(f"No result ({status_of('verify')}); see logs/verify.log.")
    targets.append(("agreement and gradient checks pass on the device", status_of("verify"), None))

# PTX resources.
ptxas_log = os.path.join(out, "logs/ptxas.log")
if os.path.exists(ptxas_log):
    print("\n## Kernel resources (`ptxas -arch=sm_90 -v`)\n")
    print("| kernel | registers | spill stores | spill loads | stack frame |\n|---|---:|---:|---:|---:|")
    kernel, spill = None, ("—", "—", "—")
    for line in open(ptxas_log):
        if line.startswith("== "):
            kernel, spill = line[3:].strip().removesuffix(".ptx"), ("—", "—", "—")
        m = re.search(r"(\d+) bytes stack frame, (\d+) bytes spill stores, (\d+) bytes spill loads", line)
        if m:
            spill = m.groups()
        m = re.search(r"Used (\d+) registers", line)
        if m and kernel:
            print(f"| {kernel} | {m.group(1)} | {spill[1]} | {spill[2]} | {spill[0]} |")

# Training speed.
print("\n## Training speed (`bench train`, the PyTorch peer on the same device in the same run)\n")
print("| shape | ScaleSim tokens/s | step ms | model GFLOP/s (6N) | share of FP32 peak (6N) | share (6N + attention) | device MiB | peer tokens/s | ScaleSim / peer | 2-core CPU backend tokens/s |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
peak_line = None
for step_name in [s for s in by_step if s.startswith("train-")]:
    shape = step_name[len("train-"):]
    name = step_name + ".json"
    r = load(name)
    if not r:
        print(f"| {shape} | {status_of('train-' + shape)} | | | | | | | | |")
        continue
    share = r.get("share_of_device_peak", {})
    cpu = baselines.get("bench_train", {}).get(shape, {}).get("tokens_per_s")
    peer = r.get("peer_best_tokens_per_s")
    print(f'| {shape} (L={r["layers"]}, d={r["d_model"]}, H={r["heads"]}, T={r["context"]}, V={r["vocab"]}, B={r["batch"]}) | '
          f'{fmt(r["tokens_per_s"])} | {fmt(r["step_ms"])} | {fmt(r["gflops_per_s"]["6nd"])} | {fmt(share.get("6nd"))} | '
          f'{fmt(share.get("6n-attention"))} | {fmt(r.get("device_memory_mib"))} | {fmt(peer)} | {fmt(r.get("speedup_vs_peer"))} | {fmt(cpu)} |')
    if r.get("device_peak_gflops_per_s"):
        peak_line = f'FP32 peak {fmt(r["device_peak_gflops_per_s"])} GFLOP/s: {r["device_peak_source"]}.'
    if shape == "L8-d512":
        s6 = share.get("6nd")
        targets.append(("large shape: at least 25% of the FP32 (non-tensor) peak in model FLOPs (6N)", fmt(s6), None if s6 is None else s6 >= 0.25))
        sp = r.get("speedup_vs_peer")
        targets.append(("large shape: no slower than the PyTorch peer in FP32", fmt(sp) + "×" if sp else "no peer", None if sp is None else sp >= 1))
if peak_line:
    print("\n" + peak_line)
print("\nCommands: " + "; ".join(f"`{command_of(s)}`" for s in by_step if s.startswith("train-")) + ".")
print(f'The 2-core CPU figures: {baselines.get("bench_train_source", "experiments/bench-train/cpu-baselines.json")}.')

# Concurrency.
concurrent = load("concurrent.json")
print("\n## Runs at once on one device (`bench concurrent`)\n")
if concurrent:
    print(f'{concurrent["backend"]}, L={concurrent["layers"]} d={concurrent["d_model"]} T={concurrent["context"]} B={concurrent["batch"]} '
          f'({concurrent["shape_from"]}). Command: `{command_of("concurrent")}`.\n')
    print("| runs at once | tokens/s, all | slowest run tokens/s | speed-up over one run |\n|---:|---:|---:|---:|")
    for m in concurrent["measurements"]:
        print(f'| {m["runs"]} | {fmt(m["tokens_per_s"])} | {fmt(m["slowest_run_tokens_per_s"])} | {fmt(m["speedup_over_one_run"])} |')
    print(f'\nRecommended (fewest within 10% of the best): {concurrent["recommended_runs"]}, used as `--parallel` below.')
else:
    print(f"No result ({status_of('concurrent')}).")

# Sweeps.
print("\n## Sweeps end to end (`simulate`)\n")
for sweep in ("tiny-chinchilla", "gpu-chinchilla", "gpu-check-tiny"):
    step = f"simulate-{sweep}"
    if step not in by_step:
        continue
    r = load(f"{step}.json")
    wall = float(by_step[step]["seconds"])
    print(f"**{sweep}** ({status_of(step)}): `{command_of(step)}`\n")
    cpu_seconds = None
    cpu_source = ""
    if sweep == "tiny-chinchilla":
        cpu = load(os.path.join(root, "experiments/tiny-chinchilla/result.json"))
        if cpu:
            cpu_seconds = cpu.get("sweep_seconds")
            cpu_source = "measured: `sweep_seconds` of experiments/tiny-chinchilla/result.json (simulate on its defaults, 2 runs at once on the 2-core machine)"
    elif sweep == "gpu-chinchilla":
        g = baselines.get("sweeps", {}).get("gpu-chinchilla", {})
        cpu_seconds = g.get("estimated_seconds")
        cpu_source = "estimated: " + g.get("source", "")
    if r and "sweep_seconds" in r:
        gpu_seconds = r["sweep_seconds"]
        print(f"- sweep {fmt(gpu_seconds)} s on the device (the whole command {wall:.1f} s, analysis and figures included)")
        if cpu_seconds:
            ratio = cpu_seconds / gpu_seconds
            print(f"- 2-core CPU: {fmt(cpu_seconds)} s ({cpu_source}); the device is {ratio:.2f}× faster")
            if sweep == "tiny-chinchilla":
                targets.append(("sweep at least 10× faster than on the 2-core CPU (tiny-chinchilla)", f"{ratio:.2f}×", ratio >= 10))
        t = r.get("targets")
        if t:
            print(f"- the experiment's own targets: {json.dumps(t)[:600]}")
    else:
        runs_csv = os.path.join(out, f"{sweep}-runs.csv")
        done = sum(1 for _ in open(runs_csv)) - 1 if os.path.exists(runs_csv) else 0
        print(f"- no result: {done} runs completed when the step ended")
        if sweep == "tiny-chinchilla":
            targets.append(("sweep at least 10× faster than on the 2-core CPU (tiny-chinchilla)", f"did not finish ({status_of(step)})", None))
    print()

# Profile.
ncu_csv = os.path.join(out, "ncu-L8-d512-details.csv")
if os.path.exists(ncu_csv):
    print("\n## Profile of the large shape (Nsight Compute, 60 launches of the third step)\n")
    wanted = {"Duration": "duration", "Compute (SM) Throughput": "sm %", "Memory Throughput": "memory %",
              "Achieved Occupancy": "achieved occupancy %", "Theoretical Occupancy": "theoretical occupancy %",
              "Registers Per Thread": "registers", "Block Size": "block", "Grid Size": "grid"}
    table = {}
    units = {}
    with open(ncu_csv) as f:
        rows = [r for r in csv.reader(f)]
    if rows:
        header = rows[0]
        try:
            ki, mi, ui, vi = header.index("Kernel Name"), header.index("Metric Name"), header.index("Metric Unit"), header.index("Metric Value")
            for r in rows[1:]:
                if len(r) <= vi or r[mi] not in wanted:
                    continue
                # ILGPU names an entry point Kernel_<method>, and every method is named after its op.
                name = re.sub(r"\(.*", "", r[ki]).removeprefix("Kernel_")[:60]
                try:
                    value = float(r[vi].replace(",", ""))
                except ValueError:
                    continue
                table.setdefault(name, {}).setdefault(r[mi], []).append(value)
                units[r[mi]] = r[ui]
        except ValueError:
            pass
    if table:
        cols = list(wanted)
        print("| kernel | launches | " + " | ".join(f"{wanted[c]} ({units.get(c, '')})" for c in cols) + " |")
        print("|---|---:|" + "---:|" * len(cols))
        for name, metrics in sorted(table.items(), key=lambda kv: -sum(kv[1].get("Duration", [0]))):
            n = max(len(v) for v in metrics.values())
            cells = [fmt(sum(metrics[c]) / len(metrics[c])) if c in metrics else "—" for c in cols]
            print(f"| {name} | {n} | " + " | ".join(cells) + " |")
if os.path.exists(os.path.join(out, "nsys-L2-d64-stats.txt")):
    print("\nKernel and API time of the L=2, d=64 shape under Nsight Systems: nsys-L2-d64-stats.txt (sum of kernel times against the step's wall time is the launch and host overhead).")

# Targets.
print("\n## Targets of issue 16\n")
print("| target | measured | met |\n|---|---:|---|")
for name, measured, met in targets:
    print(f'| {name} | {measured} | {"yes" if met else "no" if met is not None else "not measured"} |')
