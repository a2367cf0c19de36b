#!/usr/bin/env bash
# Page-load benchmark: Parley's demo post page against the same bytes served from memory.
#
#   bench/pages.sh          (from the repository root; takes about 2-4 minutes)
#
# Parley is published in Release and started on a fresh data folder (it seeds the demo content on
# first start). The demo post's HTML is saved and handed to bench/StaticBytes, a minimal ASP.NET Core
# app that answers every GET with those bytes from memory. Both are then loaded with wrk in interleaved
# rounds (Parley, baseline, Parley, baseline, ...) so a slow patch on the machine hits both alike.
# The result is printed and appended, dated, to docs/benchmarks.md.
#
# Everything stays on 127.0.0.1; both servers and the temporary folder are removed on exit.
set -euo pipefail

cd "$(dirname "$0")/.."   # the repository root, wherever the script is started from
BENCH_NAME=pages.sh
# shellcheck source=bench/lib.sh
source bench/lib.sh   # log, die, require_tools, free_port, wait_for_200, to_ms, median, CPU counters

readonly ROUNDS=3
readonly THREADS=2 CONNECTIONS=32 DURATION=15s WARMUP=5s
readonly WRK_CMD="wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency"
readonly POST_SLUG="two-years-of-river-clean-up-in-four-numbers"
readonly DOC=docs/benchmarks.md
# A run counts as disturbed when processes other than the server under test and wrk used a
# noticeable share of the CPU during it. The 1-minute load average is recorded too, but on its own it
# says little here: wrk and the server keep it near 3 on two cores, and it carries over from the
# previous round, so it only flags a round when it is far above that.
readonly OTHERS_LIMIT=0.25 LOAD_LIMIT=4.5

TMP=$(mktemp -d -t parley-bench.XXXXXX)
PARLEY_PID="" STATIC_PID=""
RESULTS="bench/results/$(date -u +%Y%m%dT%H%M%SZ)"   # raw wrk output, kept for reference (git-ignored)

# Runs on every exit, including failures and Ctrl-C: no server or temp folder is left behind.
cleanup() {
    local pid
    for pid in $PARLEY_PID $STATIC_PID; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in $PARLEY_PID $STATIC_PID; do
        # Bounded: a server that ignores SIGTERM for 10 s is killed outright.
        for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# One measured wrk run against a target. Appends a table row to ROWS and its numbers to the
# per-target lists. CPU is in cores (CPU seconds per second of the run): the server's own, and
# "other", the machine's busy time minus the server's and wrk's, which stays near zero when nothing
# else was running. Tick sampling makes both accurate to a few hundredths.
ROWS=""
declare -A RPS P50 P99
measure() {
    local round=$1 name=$2 url=$3 pid=$4
    local out="$RESULTS/round$round-$name.txt" load_before load_after m0 m1 s0 s1 wrk_cpu
    local rps p50 p99 requests errors server others disturbed hz
    hz=$(getconf CLK_TCK)
    load_before=$(load1); m0=$(machine_ticks); s0=$(process_ticks "$pid")
    # bash's `time` gives wrk's own CPU (user, system). It counts every child reaped meanwhile, which
    # is only wrk: the servers, the script's other children, live on until the end.
    local TIMEFORMAT='%U %S'
    { time $WRK_CMD "$url" >"$out" 2>&1; } 2>"$TMP/time" || die "wrk failed: $(cat "$out")"
    m1=$(machine_ticks); s1=$(process_ticks "$pid"); load_after=$(load1)
    wrk_cpu=$(awk '{ print $1 + $2 }' "$TMP/time")

    rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
    requests=$(awk '/requests in/ { print $1 }' "$out")
    # Anything but a clean 200 would make the comparison meaningless, so it is shown in the table.
    errors=$(awk '/Non-2xx or 3xx/ { n += $NF } /Socket errors/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$out")
    [ -n "$rps" ] && [ -n "$p50" ] && [ -n "$p99" ] || die "could not read wrk's output: $(cat "$out")"

    local seconds=${DURATION%s}
    server=$(awk -v s=$((s1 - s0)) -v hz="$hz" -v d="$seconds" 'BEGIN { printf "%.2f", s / hz / d }')
    others=$(awk -v m=$((m1 - m0)) -v s=$((s1 - s0)) -v w="$wrk_cpu" -v hz="$hz" -v d="$seconds" \
        'BEGIN { o = ((m - s) / hz - w) / d; printf "%.2f", (o < 0 ? 0 : o) }')
    disturbed=$(awk -v l="$load_before" -v o="$others" -v ll="$LOAD_LIMIT" -v ol="$OTHERS_LIMIT" \
        'BEGIN { print (l > ll || o > ol) ? "yes" : "no" }')

    RPS[$name]+="$rps "; P50[$name]+="$p50 "; P99[$name]+="$p99 "
    ROWS+="| $round | $name | $rps | $p50 | $p99 | $requests | $errors | $server | $others | $load_before | $load_after | $disturbed |"$'\n'
    log "round $round $name: $rps req/s, p50 $p50 ms, p99 $p99 ms, errors $errors, server $server cores, others $others cores, load $load_before"
}

doc_header() {
    cat <<'EOF'
# Benchmarks

Measured numbers, newest last. Each section is appended by a script and records the machine, the
date and the exact command, so a number can be reproduced or at least put in context.

## How to read the page-load sections (`bench/pages.sh`)

- **Parley** is the demo post page ("Two years of river clean-up, in four numbers") rendered by a
  Release build of Parley on SQLite, on a freshly seeded data folder, with logging at Warning.
- **Baseline** is `bench/StaticBytes`: a minimal ASP.NET Core app that answers with the very same
  bytes from memory. It is the ceiling for this machine, Kestrel and wrk; the ratio Parley ÷ baseline
  is the share of that ceiling Parley reaches, and is more portable across machines than req/s alone.
- wrk runs on the same machine as the server, so both compete for the same cores; absolute numbers
  are only comparable between sections with the same machine line.
- Rounds alternate Parley and baseline; the medians over rounds are the headline numbers.
- p50 and p99 are wrk's latency percentiles in milliseconds. *Errors* counts non-2xx answers and
  socket errors (it should be 0).
- *Server CPU* is what the server under test used during the round, in cores (2.00 = both cores
  busy the whole time). *Other CPU* is what everything except that server and wrk used: it should be
  near 0; a round is marked *disturbed* when it is above 0.25 cores, or the load before it above 4.5.
- *Load before/after* is the 1-minute load average from /proc/loadavg, recorded as a second opinion.
  wrk and the server alone push it to about 3 on two cores, and it carries over from one round to the
  next (it decays over minutes), so values of 2.5 to 4 are normal here and not a sign of other work.
EOF
}

main() {
    require_tools
    mkdir -p "$RESULTS" "$TMP/data"

    log "publishing Parley and StaticBytes (Release)"
    dotnet publish src/Parley.Web -c Release -o "$TMP/parley" --nologo -v quiet >"$TMP/publish.log" 2>&1 \
        || { cat "$TMP/publish.log" >&2; die "publishing Parley failed"; }
    dotnet publish bench/StaticBytes -c Release -o "$TMP/static" --nologo -v quiet >>"$TMP/publish.log" 2>&1 \
        || { cat "$TMP/publish.log" >&2; die "publishing StaticBytes failed"; }

    local port_a port_b parley static
    port_a=$(free_port 5180)
    log "starting Parley on 127.0.0.1:$port_a (first start seeds the demo content)"
    Parley__DataPath="$TMP/data" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
        dotnet "$TMP/parley/Parley.dll" --urls "http://127.0.0.1:$port_a" --contentRoot "$TMP/parley" >"$TMP/parley.log" 2>&1 &
    PARLEY_PID=$!
    wait_for_200 "http://127.0.0.1:$port_a/" "$PARLEY_PID" "$TMP/parley.log"

    # The post's address carries its publication month, so it is read off the home page.
    local path
    path=$(curl -s --max-time 5 "http://127.0.0.1:$port_a/" |
        grep -oE "href=\"/[0-9]{4}/[0-9]{2}/$POST_SLUG\"" | head -n 1 | sed 's/^href="//; s/"$//' || true)
    [ -n "$path" ] || die "the demo post ($POST_SLUG) is not linked from the home page"
    parley="http://127.0.0.1:$port_a$path"
    log "demo post: $path"

    curl -sf --max-time 5 -o "$TMP/page.html" "$parley" || die "could not fetch $parley"

    port_b=$(free_port $((port_a + 1)))
    log "starting StaticBytes on 127.0.0.1:$port_b"
    dotnet "$TMP/static/StaticBytes.dll" --file "$TMP/page.html" --urls "http://127.0.0.1:$port_b" \
        >"$TMP/static.log" 2>&1 &
    STATIC_PID=$!
    static="http://127.0.0.1:$port_b$path"
    wait_for_200 "$static" "$STATIC_PID" "$TMP/static.log"

    # Same body on both sides, or the comparison is void. Headers differ (Parley adds security
    # headers and an ETag), so only the body is compared.
    local size_parley size_static same
    size_parley=$(curl -s --max-time 5 -o "$TMP/parley-check.html" -w '%{size_download}' "$parley")
    size_static=$(curl -s --max-time 5 -o "$TMP/static-check.html" -w '%{size_download}' "$static")
    log "body bytes: Parley $size_parley, baseline $size_static"
    [ "$size_parley" = "$size_static" ] || die "the two answers differ in size ($size_parley vs $size_static bytes)"
    same=$(cmp -s "$TMP/parley-check.html" "$TMP/static-check.html" && echo identical || echo "same size, different bytes")

    log "warming up both servers ($WARMUP each)"
    wrk -t$THREADS -c$CONNECTIONS -d$WARMUP "$parley" >"$RESULTS/warmup-parley.txt" 2>&1
    wrk -t$THREADS -c$CONNECTIONS -d$WARMUP "$static" >"$RESULTS/warmup-baseline.txt" 2>&1

    local round
    for round in $(seq 1 "$ROUNDS"); do
        measure "$round" Parley "$parley" "$PARLEY_PID"
        measure "$round" baseline "$static" "$STATIC_PID"
    done

    local rps_p rps_b p50_p p50_b p99_p p99_b ratio
    # shellcheck disable=SC2086 # the lists are space-separated on purpose
    rps_p=$(median ${RPS[Parley]}); rps_b=$(median ${RPS[baseline]})
    p50_p=$(median ${P50[Parley]}); p50_b=$(median ${P50[baseline]})
    p99_p=$(median ${P99[Parley]}); p99_b=$(median ${P99[baseline]})
    ratio=$(awk -v a="$rps_p" -v b="$rps_b" \
        'BEGIN { printf "%.4f (%.2f %% of the baseline; the baseline serves %.0f× as many)", a / b, 100 * a / b, b / a }')

    local commit
    commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
    [ -z "$(git status --porcelain -- src 2>/dev/null)" ] || commit+=" (with uncommitted changes in src/)"

    local section="$TMP/section.md"
    cat >"$section" <<EOF

## Page load, $(date -u '+%Y-%m-%d %H:%M UTC')

- Date: $(date -u)
- Machine: $(machine_line)
- Parley: commit $commit, Release, SQLite, fresh demo data, \`ASPNETCORE_ENVIRONMENT=Production\`
- Command: \`bench/pages.sh\` — $ROUNDS interleaved rounds of \`$WRK_CMD\` after a $WARMUP warm-up per server
- Page: \`$path\`, $size_parley bytes of body on both sides ($same)

| Round | Target | Req/s | p50 ms | p99 ms | Requests | Errors | Server CPU | Other CPU | Load before | Load after | Disturbed |
|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|
${ROWS%$'\n'}

| Median of $ROUNDS | Req/s | p50 ms | p99 ms |
|---|---:|---:|---:|
| Parley | $rps_p | $p50_p | $p99_p |
| baseline (same bytes from memory) | $rps_b | $p50_b | $p99_b |

**Parley ÷ baseline (median req/s): $ratio**
EOF

    [ -f "$DOC" ] || doc_header >"$DOC"
    cat "$section" >>"$DOC"
    cat "$section"
    log "appended to $DOC; raw wrk output in $RESULTS/"
}

main "$@"
