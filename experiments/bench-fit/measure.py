#!/usr/bin/env python3
"""Whole-process time of the Approach-3 fit, beside the SciPy peer in the same run.

Usage: experiments/bench-fit/measure.py [--runs K] [--no-peer] [--python PATH] [--json FILE] NAME=COMMAND [NAME=COMMAND ...]

Each COMMAND is how to start scalesim (a path, or a command line such as
"dotnet src/ScaleSim.Cli/bin/Release/net10.0/scalesim.dll"); every run starts a fresh process for

    COMMAND fit data/chinchilla_epoch_reconstruction.csv --exclude-top-loss 5 --bootstrap 0

The variants are run in turn, K rounds (interleaved, so a change in the machine's load touches them alike), and each
is reported as the median of its K wall times, with the CPU time (user + system) of the same runs. The first variant
is also asked for its in-process fit (`bench fit`: the same fit after warm-up), and the SciPy peer
(experiments/bench-fit/scipy_chinchilla_peer.py) fits the same points once, timed whole and by its own clock.
The load average before and after is printed: on a busy machine every number here is larger than on a quiet one.
"""
import argparse
import json
import os
import resource
import shlex
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join(ROOT, "data", "chinchilla_epoch_reconstruction.csv")
FIT = ["fit", DATA, "--exclude-top-loss", "5", "--bootstrap", "0"]


def timed(argv, env=None):
    """Wall seconds, CPU seconds (user + system of the child and its children) and stdout of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"measure.py: {' '.join(argv)} exited with {done.returncode}: {done.stderr.strip().splitlines()[-1:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7, help="rounds; each variant runs once per round (default 7)")
    parser.add_argument("--no-peer", action="store_true", help="skip the SciPy peer (it takes about a minute)")
    parser.add_argument("--python", default="/usr/bin/python3", help="interpreter with NumPy and SciPy for the peer")
    parser.add_argument("--json", help="also write the results here")
    parser.add_argument("variants", nargs="+", metavar="NAME=COMMAND")
    args = parser.parse_args()

    variants = []
    for item in args.variants:
        name, sep, command = item.partition("=")
        if not sep or not command:
            sys.exit(f"measure.py: '{item}' is not NAME=COMMAND")
        variants.append((name, shlex.split(command)))

    load_before = os.getloadavg()
    walls = {name: [] for name, _ in variants}
    cpus = {name: [] for name, _ in variants}
    for _ in range(args.runs):
        for name, command in variants:
            wall, cpu, _ = timed(command + FIT)
            walls[name].append(wall)
            cpus[name].append(cpu)

    first_name, first = variants[0]
    _, _, bench = timed(first + ["bench", "fit", "--repeat", "3", "--bootstrap", "2", "--json"])
    in_process = json.loads(bench)["grid_fit_s"]

    peer = None
    if not args.no_peer:
        env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
        wall, cpu, out = timed([args.python, os.path.join(HERE, "scipy_chinchilla_peer.py"), DATA], env)
        words = out.split()
        peer = {"wall_s": wall, "cpu_s": cpu, "grid_fit_s": float(words[words.index("grid_fit_s") + 1]),
                "objective": float(words[words.index("obj") + 1])}
    load_after = os.getloadavg()

    rows = []
    for name, _ in variants:
        rows.append({"variant": name, "median_wall_s": statistics.median(walls[name]), "min_wall_s": min(walls[name]),
                     "max_wall_s": max(walls[name]), "median_cpu_s": statistics.median(cpus[name]),
                     "walls_s": walls[name], "cpus_s": cpus[name]})
    print(f"load average before {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}, "
          f"after {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}; {os.cpu_count()} CPUs; {args.runs} rounds")
    print(f"in-process fit after warm-up ({first_name}, bench fit, min of 3): {in_process:.3f} s")
    print()
    print("| variant | median wall s | min | max | median CPU s | wall / in-process fit | SciPy peer / this |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        ratio = f"{peer['wall_s'] / r['median_wall_s']:.1f}x" if peer else ""
        print(f"| {r['variant']} | {r['median_wall_s']:.3f} | {r['min_wall_s']:.3f} | {r['max_wall_s']:.3f} | "
              f"{r['median_cpu_s']:.3f} | {r['median_wall_s'] / in_process:.2f} | {ratio} |")
    if peer:
        print(f"| SciPy peer (whole process, once) | {peer['wall_s']:.3f} | | | {peer['cpu_s']:.3f} | | |")
        print()
        print(f"SciPy peer: grid fit {peer['grid_fit_s']:.2f} s by its own clock, objective {peer['objective']:.7g}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"load_before": load_before, "load_after": load_after, "cpus": os.cpu_count(), "runs": args.runs,
                       "in_process_fit_s": in_process, "variants": rows, "peer": peer}, f, indent=2)


if __name__ == "__main__":
    main()
