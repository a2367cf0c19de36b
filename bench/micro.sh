#!/usr/bin/env bash
# BenchmarkDotNet micro-benchmarks of the hot code: comment and post rendering (against Markdig alone),
# the post page's queries (a 500-comment thread on SQLite), and the feed writers.
# Usage: bench/micro.sh [--full]   (default: BenchmarkDotNet's short job, a few minutes on 2 cores)
# Results: BenchmarkDotNet.Artifacts/results/*.md; the summary is appended to docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
job=(--job short)
[[ "${1:-}" == "--full" ]] && job=()
out=bench/results/micro-$(date -u +%Y%m%dT%H%M%SZ)
dotnet run -c Release --project bench/Parley.Benchmarks -- --filter '*' "${job[@]}" --artifacts "$out" --exporters github
{
  echo
  echo "### Micro-benchmarks, $(date -u +%Y-%m-%d) ($(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))"
  echo
  echo "Command: \`bench/micro.sh ${1:-}\` (BenchmarkDotNet ${job[*]:-default job}); full reports in \`$out\`."
  for f in "$out"/results/*-report-github.md; do echo; sed -n '/^|/,$p' "$f"; done
} >> docs/benchmarks.md
echo "Appended to docs/benchmarks.md"
