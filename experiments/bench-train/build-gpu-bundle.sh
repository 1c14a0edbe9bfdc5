#!/usr/bin/env bash
# Builds the self-contained linux-x64 ScaleSim that gpu-check.sh runs on a GPU machine without the .NET SDK.
# Usage (from anywhere, on a machine with the .NET 10 SDK): experiments/bench-train/build-gpu-bundle.sh [OUTDIR]
#   OUTDIR  default out/gpu-bundle under the repository root (ignored by git; the device tool carries it:
#           run(..., carry=["out/gpu-bundle"]) — see experiments/bench-train/README.md, "On a GPU machine").
#
# Single file, compressed, native libraries (SkiaSharp, HarfBuzz for the figures) inside, no documentation files:
# 48.7 MB, measured 2026-12-05 (the tracked repository is 10.1 MB; at most 64 MiB travel to the device in all).
# Not trimmed: with PublishTrimmed=true and TrimMode=partial the binary is 23.4 MB, but ILGPU.Algorithms' type
# initializer throws in it ("The type initializer for 'ILGPU.AlgorithmContext' threw an exception"), so no ILGPU
# device opens — measured the same day; do not trim.
# IL3000 (Assembly.Location is empty in a single-file app) is left a warning: ScaleSimInvocation reads it only under
# the dotnet host, never the case for this binary, and handles the empty string.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-$root/out/gpu-bundle}"
rm -rf "$out"
dotnet publish "$root/src/ScaleSim.Cli" -c Release -r linux-x64 --self-contained \
  -p:PublishSingleFile=true -p:EnableCompressionInSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true \
  -p:DebugType=none -p:PublishDocumentationFiles=false -p:WarningsNotAsErrors=IL3000 \
  -o "$out" --nologo -v quiet
commit="$(git -C "$root" rev-parse HEAD 2>/dev/null || echo unknown)"
dirty="$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null | head -c1 | wc -c)"
{
  echo "commit $commit$([ "$dirty" != 0 ] && echo ' (with uncommitted changes)')"
  echo "built $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(uname -m) with dotnet $(dotnet --version)"
  echo "sha256 $(sha256sum "$out/scalesim" | cut -d' ' -f1)"
  echo "bytes $(stat -c %s "$out/scalesim")"
} > "$out/BUILD_INFO"
# The smoke test a GPU machine would fail first: it runs, compiles every kernel to PTX, and the ILGPU CPU accelerator opens.
"$out/scalesim" bench ptx --out "$(mktemp -d)" > /dev/null
"$out/scalesim" bench verify --device ilgpu-cpu --shapes tiny --checks cpu,matmul > /dev/null
cat "$out/BUILD_INFO"
du -sh "$out"
