#!/usr/bin/env bash
# How long `Parley bench seed` takes to build a large site, and what the site's pages then cost.
#
#   bench/seed-size.sh          (from the repository root; a few minutes per round)
#
# Parley is published in Release; each round seeds a fresh SQLite data folder under /usr/bin/time -v
# (wall time, peak resident memory). After the last round the seeded site is started once and a few
# pages are fetched with curl (status, time of a first and a warm request), to show the site serves at
# that size. The result is appended to docs/benchmarks.md; everything else lives under /tmp and is removed.
#
# SEED_SIZE=100000:2000000 (posts:comments) and SEED_ROUNDS=3 are the defaults.
set -euo pipefail

cd "$(dirname "$0")/.."
BENCH_NAME=seed-size.sh
# shellcheck source=bench/lib.sh
source bench/lib.sh

readonly SIZE=${SEED_SIZE:-100000:2000000}
readonly ROUNDS=${SEED_ROUNDS:-3}
readonly DOC=${SEED_DOC:-docs/benchmarks.md}
readonly POSTS=${SIZE%%:*} COMMENTS=${SIZE#*:}
TMP=$(mktemp -d -t parley-seed-size.XXXXXX)
SERVER_PID=""
cleanup() { stop_pid "$SERVER_PID"; rm -rf "$TMP"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

command -v dotnet >/dev/null || die "dotnet is not installed"
require_packages /usr/bin/time:time curl:curl

commit=$(measured_commit)
publish_parley "$TMP/parley"
export ASPNETCORE_ENVIRONMENT=Production DOTNET_NOLOGO=1 Parley__SeedDemoContent=false Parley__AdminPassword="bench password, not secret"

ROWS="" WALLS="" RSSES="" data=""
for round in $(seq 1 "$ROUNDS"); do
    [ -z "$data" ] || rm -rf "$data"
    wait_for_quiet 60
    data="$TMP/data-$round"
    load_before=$(load1)
    /usr/bin/time -v -o "$TMP/time.txt" env Parley__DataPath="$data" dotnet "$TMP/parley/Parley.dll" bench seed --posts "$POSTS" --comments "$COMMENTS" >"$TMP/seed.txt" 2>&1 \
        || { cat "$TMP/seed.txt" >&2; die "seeding failed"; }
    load_after=$(load1)
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.1f", s }' "$TMP/time.txt")
    cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.1f", u + s }' "$TMP/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$TMP/time.txt")
    said=$(grep -m1 '^Seeded' "$TMP/seed.txt")
    db=$(du -sm "$data" | cut -f1)
    log "round $round: ${wall}s, ${rss} MB peak, ${db} MB on disk, load $load_before -> $load_after: $said"
    ROWS+="| $round | $wall | $cpu | $rss | $db | $load_before | $load_after |"$'\n'
    WALLS+="$wall " RSSES+="$rss "
done
realistic=$(sed -n 's/^The post with the long thread: //p' "$TMP/seed.txt")

# The seeded site, once: a first request (cold caches) and the best of five warm ones per page.
port=$(free_port 5600)
Parley__DataPath="$data" Logging__LogLevel__Default=Warning dotnet "$TMP/parley/Parley.dll" --urls "http://127.0.0.1:$port" >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
wait_for_200 "http://127.0.0.1:$port/feed" "$SERVER_PID" "$TMP/server.log"
tag=$(curl -s "http://127.0.0.1:$port$realistic" | grep -o 'href="/tag/[^"]*"' | head -n1 | sed 's/href="//; s/"$//')
PAGES=""
for path in / "$realistic" "$tag" /category/rivers "/search?q=river" /feed /2020; do
    first=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "http://127.0.0.1:$port$path")
    best=$(for _ in 1 2 3 4 5; do curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port$path"; done | sort -g | head -n1)
    bytes=$(curl -s "http://127.0.0.1:$port$path" | wc -c)
    PAGES+="| \`$path\` | ${first%% *} | $bytes | $(awk -v t="${first#* }" 'BEGIN { printf "%.0f", t * 1000 }') | $(awk -v t="$best" 'BEGIN { printf "%.0f", t * 1000 }') |"$'\n'
done

section="$TMP/section.md"
{
    echo
    echo "## Seeding a large site, $(date -u '+%Y-%m-%d %H:%M') UTC"
    echo
    echo "- Date: $(date -u)"
    echo "- Machine: $(machine_line); data on $(df -T "$TMP" | awk 'NR == 2 { print $2 }')"
    echo "- Parley: commit $commit, Release, SQLite (a fresh data folder per round), \`ASPNETCORE_ENVIRONMENT=Production\`"
    echo "- Command: \`bench/seed-size.sh\`: \`/usr/bin/time -v Parley bench seed --posts $POSTS --comments $COMMENTS\` (seed 1)"
    echo "- Last round said: $said"
    echo
    echo "| Round | Wall s | CPU s | Peak RSS MB | Database MB | Load before | Load after |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    printf '%s' "$ROWS"
    # shellcheck disable=SC2086
    echo "| **Median of $ROUNDS** | **$(median $WALLS)** | | **$(median $RSSES)** | | | |"
    echo
    echo "Pages of the seeded site (last round), one server, curl on the same machine; *first* is the first request after start, *warm* the best of five after it:"
    echo
    echo "| Page | Status | Bytes | First ms | Warm ms |"
    echo "|---|---:|---:|---:|---:|"
    printf '%s' "$PAGES"
} >"$section"
cat "$section"
cat "$section" >>"$DOC"
log "appended to $DOC"
