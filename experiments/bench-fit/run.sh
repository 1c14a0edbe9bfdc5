#!/usr/bin/env bash
# Builds ScaleSim as it was before the start-up work (BEFORE, default 603b089) and as it is now, packs and installs
# the tool, and times the whole-process Approach-3 fit of each beside the SciPy peer (measure.py).
# Usage: experiments/bench-fit/run.sh [BEFORE] [ROUNDS] [OUT.json]
set -euo pipefail
cd "$(dirname "$0")/../.."
before=${1:-603b089}
rounds=${2:-9}
out=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir "$work/before-src"
git archive "$before" | tar -x -C "$work/before-src"
dotnet build "$work/before-src/src/ScaleSim.Cli" -c Release -o "$work/before" -nologo -v quiet
dotnet build src/ScaleSim.Cli -c Release -nologo -v quiet
dotnet pack src/ScaleSim.Cli -c Release -o "$work/packages" -nologo -v quiet
NUGET_PACKAGES="$work/nuget" dotnet tool install --tool-path "$work/tool" ScaleSim.Cli --source "$work/packages" >/dev/null

python3 experiments/bench-fit/measure.py --runs "$rounds" ${out:+--json "$out"} \
  "before ($before, built)=$work/before/scalesim" \
  "installed tool=$work/tool/scalesim" \
  "built, not installed=src/ScaleSim.Cli/bin/Release/net10.0/scalesim" \
  "dotnet run --no-build=dotnet run --project src/ScaleSim.Cli -c Release --no-build --"
