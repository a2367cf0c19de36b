#!/usr/bin/env bash
# The WordPress importer at size: time and peak memory of `Parley import wordpress` on generated exports.
#
#   bench/import-size.sh          (from the repository root; about 30-40 minutes on a quiet 2-core machine)
#
# Parley is published in Release; `Parley bench wxr` writes one export per size (seeded, so the same file
# every time); each round imports every size into a fresh SQLite data folder under /usr/bin/time -v, so
# wall time and peak resident memory are the whole process's. Rounds alternate the sizes so a busy patch
# on the machine hits them alike; medians over rounds are the headline. The result is appended to
# docs/benchmarks.md. Files and databases live in a temporary folder under /tmp, removed on exit.
#
# IMPORT_SIZES="1000:20000 10000:200000" (posts:comments) and IMPORT_ROUNDS=3 are the defaults.
set -euo pipefail

cd "$(dirname "$0")/.."
BENCH_NAME=import-size.sh
# shellcheck source=bench/lib.sh
source bench/lib.sh

readonly SIZES=${IMPORT_SIZES:-"1000:20000 10000:200000"}
readonly ROUNDS=${IMPORT_ROUNDS:-3}
readonly DOC=${IMPORT_DOC:-docs/benchmarks.md}
TMP=$(mktemp -d -t parley-import-size.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
trap 'exit 130' INT TERM

command -v dotnet >/dev/null || die "dotnet is not installed"
require_packages /usr/bin/time:time

commit=$(measured_commit)
publish_parley "$TMP/parley"

export ASPNETCORE_ENVIRONMENT=Production DOTNET_NOLOGO=1 Parley__SeedDemoContent=false Parley__AdminPassword="bench password, not secret"
parley() { dotnet "$TMP/parley/Parley.dll" "$@"; }

declare -A FILE BYTES
for size in $SIZES; do
    posts=${size%%:*} comments=${size#*:}
    FILE[$size]="$TMP/wxr-$posts-$comments.xml"
    parley bench wxr "${FILE[$size]}" --posts "$posts" --comments "$comments" >&2
    BYTES[$size]=$(stat -c %s "${FILE[$size]}")
done

ROWS="" ; declare -A WALL RSS
for round in $(seq 1 "$ROUNDS"); do
    for size in $SIZES; do
        wait_for_quiet 60
        data="$TMP/data-$round-${size/:/-}"
        load_before=$(load1)
        /usr/bin/time -v -o "$TMP/time.txt" env Parley__DataPath="$data" dotnet "$TMP/parley/Parley.dll" import wordpress "${FILE[$size]}" >"$TMP/import.txt" 2>&1 \
            || { cat "$TMP/import.txt" >&2; die "the import of $size failed"; }
        load_after=$(load1)
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.1f", s }' "$TMP/time.txt")
        cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.1f", u + s }' "$TMP/time.txt")
        rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$TMP/time.txt")
        counts=$(grep -m1 -E '^ +[0-9]+ posts' "$TMP/import.txt" | sed 's/^ *//')
        db=$(du -sm "$data" | cut -f1)
        log "round $round, $size: ${wall}s, ${rss} MB peak, load $load_before -> $load_after: $counts"
        ROWS+="| $round | ${size%%:*} / ${size#*:} | $wall | $cpu | $rss | $db | $load_before | $load_after | $counts |"$'\n'
        WALL[$size]+="$wall " RSS[$size]+="$rss "
        rm -rf "$data"
    done
done

section="$TMP/section.md"
{
    echo
    echo "## WordPress import at size, $(date -u '+%Y-%m-%d %H:%M') UTC"
    echo
    echo "- Date: $(date -u)"
    echo "- Machine: $(machine_line); data on $(df -T "$TMP" | awk 'NR == 2 { print $2 }')"
    echo "- Parley: commit $commit, Release, SQLite (a fresh data folder per import), \`ASPNETCORE_ENVIRONMENT=Production\`"
    echo "- Command: \`bench/import-size.sh\`: per round and size, \`/usr/bin/time -v Parley import wordpress FILE\`; files from \`Parley bench wxr FILE --posts N --comments M\` (seed 1)"
    for size in $SIZES; do echo "- ${size%%:*} posts / ${size#*:} comments: $(awk -v b="${BYTES[$size]}" 'BEGIN { printf "%.1f MB", b / 1048576 }') of WXR"; done
    echo
    echo "| Round | Posts / comments | Wall s | CPU s | Peak RSS MB | Database MB | Load before | Load after | Imported |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---|"
    printf '%s' "$ROWS"
    echo
    echo "| Median of $ROUNDS | Wall s | Peak RSS MB |"
    echo "|---|---:|---:|"
    # shellcheck disable=SC2086
    for size in $SIZES; do echo "| ${size%%:*} / ${size#*:} | $(median ${WALL[$size]}) | $(median ${RSS[$size]}) |"; done
} >"$section"
cat "$section"
cat "$section" >>"$DOC"
log "appended to $DOC"
