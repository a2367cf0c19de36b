#!/usr/bin/env bash
# Scale: the same pages on a small site and on a site with 100,000 posts and 2,000,000 comments.
#
#   bench/scale.sh            (from the repository root; about 15 minutes)
#   bench/scale.sh --quick    (1 round of 5 s: for trying the script)
#
# Both sites are made by `Parley bench seed` (the same generator, so the pages have the same shape): a small
# one like the benchmark site (202 posts, 524 comments) and a large one (SCALE_POSTS, SCALE_COMMENTS; by
# default 100,000 and 2,000,000). Parley runs on each with the page cache off, so every request reads the
# database, and wrk loads the post with 50 comments, the home page, a category, a tag, a search and the feed,
# small and large interleaved. Targets from the issue: on the large site the post page's p99 within 1.5× of
# the small site's, the other pages within 2×; under 300 MB resident; start to first served page under 2 s.
# Appends a dated section to docs/benchmarks.md. Load goes only to 127.0.0.1; everything stops on exit.
set -euo pipefail

cd "$(dirname "$0")/.."
BENCH_NAME=scale.sh
# shellcheck source=bench/lib.sh
source bench/lib.sh

QUICK=no
[ "${1:-}" = "--quick" ] && QUICK=yes
if [ "$QUICK" = yes ]; then ROUNDS=1 DURATION=5s WARMUP=2s; else ROUNDS=3 DURATION=15s WARMUP=5s; fi
readonly ROUNDS DURATION WARMUP THREADS=2 CONNECTIONS=32 RETRIES=2 OTHERS_LIMIT=0.25
readonly WRK_CMD="wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency"
readonly LARGE_POSTS=${SCALE_POSTS:-100000} LARGE_COMMENTS=${SCALE_COMMENTS:-2000000}
readonly DOC=${BENCH_DOC:-docs/benchmarks.md}

TMP=$(mktemp -d -t parley-scale.XXXXXX)
SMALL_PID="" LARGE_PID=""
RESULTS="bench/results/scale-$(date -u +%Y%m%dT%H%M%SZ)"
cleanup() {
    local pid
    for pid in $SMALL_PID $LARGE_PID; do stop_pid "$pid"; done
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_site() {   # name port
    Parley__DataPath="$TMP/$1" Parley__SeedDemoContent=false ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
        dotnet "$TMP/parley/Parley.dll" --urls "http://127.0.0.1:$2" --contentRoot "$TMP/parley" --Parley:PageCache:Enabled=false \
        >"$TMP/$1.log" 2>&1 &
    echo $!
}

main() {
    require_tools
    mkdir -p "$RESULTS" "$TMP/small" "$TMP/large"
    publish_parley "$TMP/parley"

    log "seeding the small site and the large one ($LARGE_POSTS posts, $LARGE_COMMENTS comments)"
    Parley__DataPath="$TMP/small" dotnet "$TMP/parley/Parley.dll" bench seed --posts 202 --comments 524 >"$TMP/seed-small.log" 2>&1 \
        || { cat "$TMP/seed-small.log" >&2; die "seeding the small site failed"; }
    Parley__DataPath="$TMP/large" dotnet "$TMP/parley/Parley.dll" bench seed --posts "$LARGE_POSTS" --comments "$LARGE_COMMENTS" >"$TMP/seed-large.log" 2>&1 \
        || { cat "$TMP/seed-large.log" >&2; die "seeding the large site failed"; }
    local seeded db_size
    seeded=$(grep -m1 '^Seeded' "$TMP/seed-large.log" || echo "see the seed log")
    db_size=$(du -h "$TMP/large/parley.db" | cut -f1)

    local port_s port_l path="/2026/11/realistic-post"
    port_s=$(free_port 5480)
    SMALL_PID=$(start_site small "$port_s")
    wait_for_200 "http://127.0.0.1:$port_s$path" "$SMALL_PID" "$TMP/small.log"
    port_l=$(free_port $((port_s + 1)))
    wait_for_quiet 60
    local start startup_ms
    start=$(date +%s%N)
    LARGE_PID=$(start_site large "$port_l")
    startup_ms=$(first_answer_ms "http://127.0.0.1:$port_l$path" "$LARGE_PID" "$start")
    log "large site: start to first served post page $startup_ms ms"

    # The post's first category and tag on each site, and a word every generated post uses.
    local -a names=(post home category tag search feed) small_paths large_paths
    local site port html category tag
    for site in small large; do
        port=$port_s; [ "$site" = large ] && port=$port_l
        html=$(curl -s --max-time 30 "http://127.0.0.1:$port$path")
        category=$(first_link category <<<"$html")
        tag=$(first_link tag <<<"$html")
        local -a paths=("$path" / "$category" "$tag" "/search?q=changes" /feed)
        if [ "$site" = small ]; then small_paths=("${paths[@]}"); else large_paths=("${paths[@]}"); fi
    done

    log "warming up"
    local i
    for i in "${!names[@]}"; do
        wrk -t$THREADS -c$CONNECTIONS -d$WARMUP "http://127.0.0.1:$port_s${small_paths[$i]}" >/dev/null 2>&1
        wrk -t$THREADS -c$CONNECTIONS -d$WARMUP "http://127.0.0.1:$port_l${large_paths[$i]}" >/dev/null 2>&1
    done
    wait_for_quiet 60
    local round
    for round in $(seq 1 "$ROUNDS"); do
        for i in "${!names[@]}"; do
            measure "$round" "${names[$i]}" small "http://127.0.0.1:$port_s${small_paths[$i]}" "$SMALL_PID"
            measure "$round" "${names[$i]}" large "http://127.0.0.1:$port_l${large_paths[$i]}" "$LARGE_PID"
        done
    done
    local rss_l
    rss_l=$(peak_rss_mb "$LARGE_PID")

    local summary="" target limit ps pl verdict
    for i in "${!names[@]}"; do
        target=${names[$i]}; limit=2; [ "$target" = post ] && limit=1.5
        if [ -n "${UNREPORTED[$target/small]:-}${UNREPORTED[$target/large]:-}" ]; then
            summary+="| $target | \`${small_paths[$i]}\` / \`${large_paths[$i]}\` | not reported (${UNREPORTED[$target/small]:-}${UNREPORTED[$target/large]:-}) | | | | | |"$'\n'
            continue
        fi
        # shellcheck disable=SC2086
        ps=$(median ${P99[$target/small]}); pl=$(median ${P99[$target/large]})
        verdict=$(awk -v a="$pl" -v b="$ps" -v l="$limit" 'BEGIN { printf "%.2f× (%s)", a / b, (a / b <= l) ? "met" : "**not met**" }')
        # shellcheck disable=SC2086
        summary+="| $target | \`${small_paths[$i]}\` / \`${large_paths[$i]}\` | $(median ${RPS[$target/small]}) | $(median ${P50[$target/small]}) | $ps | $(median ${RPS[$target/large]}) | $(median ${P50[$target/large]}) | $pl | $verdict, limit ${limit}× |"$'\n'
    done
    local rss_verdict start_verdict commit
    rss_verdict=$(awk -v r="$rss_l" 'BEGIN { print (r < 300) ? "met" : "**not met**" }')
    start_verdict=$(awk -v s="$startup_ms" 'BEGIN { print (s < 2000) ? "met" : "**not met**" }')
    commit=$(measured_commit)
    local section="$TMP/section.md"
    cat >"$section" <<EOF

## Scale, $(date -u '+%Y-%m-%d %H:%M UTC')$( [ "$QUICK" = yes ] && echo " (quick run: not for comparison)")

- Date: $(date -u)
- Machine: $(machine_line)
- Parley: commit $commit, Release (ReadyToRun), SQLite, page cache **off** (every request reads the database)
- Sites: small \`Parley bench seed --posts 202 --comments 524\`; large \`Parley bench seed --posts $LARGE_POSTS --comments $LARGE_COMMENTS\` ($seeded; database $db_size)
- Command: \`bench/scale.sh$( [ "$QUICK" = yes ] && echo " --quick")\` — $ROUNDS interleaved round(s) of \`$WRK_CMD\` per page and site
- Large site: start to first served post page **$startup_ms ms** ($start_verdict, target under 2 s); peak resident memory under load **$rss_l MB** ($rss_verdict, target under 300 MB)

| Median of $ROUNDS | small / large address | small req/s | p50 ms | p99 ms | large req/s | p50 ms | p99 ms | large ÷ small p99 |
|---|---|---:|---:|---:|---:|---:|---:|---|
${summary%$'\n'}

$(rounds_details Page Site)
EOF
    cat "$section" >>"$DOC"
    cat "$section"
    log "appended to $DOC; raw wrk output in $RESULTS/"
}

main "$@"
