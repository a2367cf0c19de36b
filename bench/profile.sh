#!/usr/bin/env bash
# Profiles behind the targets docs/benchmarks.md marks as not met, kept in docs/profiles/ so a reader can
# check the explanation against the data:
#
#   bench/profile.sh            (from the repository root; about 8 minutes)
#
# 1. Uncached rendering. A small generated site (`Parley bench seed --posts 202 --comments 524`, the shape
#    scale.sh uses) with the page cache off. While wrk loads a page, `dotnet-trace` samples every thread's
#    stack (the dotnet-sampled-thread-time profile) for PROFILE_SECONDS. Kept for the post with 50 comments
#    and for the home page: the trace itself, gzipped (open it in PerfView, or `dotnet-trace convert
#    --format Speedscope` for speedscope.app), `dotnet-trace report topN` by inclusive time, and the shares of
#    working time under the page's main parts (bench/trace_shares.py).
# 2. Memory on the large site (PROFILE_POSTS, PROFILE_COMMENTS; by default 100,000 and 2,000,000). Under
#    scale.sh's load (post, home, category, tag, search, feed; 10 s each, 32 connections) `dotnet-counters`
#    records System.Runtime and Parley.Sqlite (SQLite's own allocations) every second as CSV, and the
#    resident memory at the end is broken down by mapping from /proc/PID/smaps.
#
# Load goes only to 127.0.0.1; servers and the temporary folder are removed on exit.
set -euo pipefail

cd "$(dirname "$0")/.."
BENCH_NAME=profile.sh
# shellcheck source=bench/lib.sh
source bench/lib.sh

readonly SECONDS_TRACED=${PROFILE_SECONDS:-10} LARGE_POSTS=${PROFILE_POSTS:-100000} LARGE_COMMENTS=${PROFILE_COMMENTS:-2000000}
readonly OUT=docs/profiles STAMP=$(date -u +%Y%m%d)
readonly POST_PATH=/2026/11/realistic-post
# Frames whose share of working time each trace's summary gives: the request as a whole, the garbage
# collector (threads stopped for it), lock contention, the database, Razor views and the response.
readonly SHARES=(PageCacheMiddleware.InvokeAsync PollGC Monitor.Enter_Slowpath Microsoft.EntityFrameworkCore SQLitePCL
    PostQueries CommentQueries Discussion.LoadAsync ThemePageModel RazorView Theme_Post Theme_Comments__Discussion
    Theme_Comments__Comments Theme_Index Shared__Layout Shared__PostList ViewComponent ResolveService Antiforgery
    HttpResponseStreamWriter ViewBuffer Sockets)

TMP=$(mktemp -d -t parley-profile.XXXXXX)
PID=""
cleanup() { stop_pid "$PID"; rm -rf "$TMP"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

start_site() {   # data-folder port
    Parley__DataPath="$1" Parley__SeedDemoContent=false ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
        dotnet "$TMP/parley/Parley.dll" --urls "http://127.0.0.1:$2" --contentRoot "$TMP/parley" --Parley:PageCache:Enabled=false \
        >"$TMP/server.log" 2>&1 &
    PID=$!
    wait_for_200 "http://127.0.0.1:$2$POST_PATH" "$PID" "$TMP/server.log"
}

seed() {   # data-folder posts comments
    mkdir -p "$1"
    Parley__DataPath="$1" dotnet "$TMP/parley/Parley.dll" bench seed --posts "$2" --comments "$3" >"$TMP/seed.log" 2>&1 \
        || { cat "$TMP/seed.log" >&2; die "seeding failed"; }
}

trace_page() {   # name url
    local name=$1 url=$2 trace="$TMP/$1.nettrace"
    log "tracing $name ($url) for ${SECONDS_TRACED}s under wrk"
    wrk -t2 -c32 -d3s "$url" >/dev/null 2>&1   # warm: tiered compilation settles before the trace
    wrk -t2 -c32 -d$((SECONDS_TRACED + 4))s --latency "$url" >"$OUT/$name.$STAMP.wrk.txt" 2>&1 &
    local wrk_pid=$!
    sleep 1
    dotnet dotnet-trace collect -p "$PID" --profile dotnet-sampled-thread-time \
        --duration "00:00:00:$(printf '%02d' "$SECONDS_TRACED")" -o "$trace" >"$TMP/trace.log" 2>&1 \
        || { cat "$TMP/trace.log" >&2; die "dotnet-trace failed"; }
    wait "$wrk_pid"
    dotnet dotnet-trace report "$trace" topN -n 60 --inclusive >"$OUT/$name.$STAMP.top-inclusive.txt"
    dotnet dotnet-trace convert "$trace" --format Speedscope -o "$TMP/$name" >/dev/null
    # The parts of a page, as shares of the time threads were working (not waiting); see trace_shares.py.
    python3 bench/trace_shares.py "$TMP/$name.speedscope.json" "${SHARES[@]}" >"$OUT/$name.$STAMP.shares.txt"
    gzip -9 -c "$trace" >"$OUT/$name.$STAMP.nettrace.gz"
}

main() {
    require_tools
    dotnet tool restore >/dev/null
    mkdir -p "$OUT"
    publish_parley "$TMP/parley"
    local port commit
    port=$(free_port 5620)
    commit=$(measured_commit)

    log "part 1: uncached rendering on a small generated site"
    seed "$TMP/small" 202 524
    start_site "$TMP/small" "$port"
    wait_for_quiet 60
    trace_page uncached-post "http://127.0.0.1:$port$POST_PATH"
    trace_page uncached-home "http://127.0.0.1:$port/"
    stop_pid "$PID"; PID=""

    log "part 2: memory on a large site ($LARGE_POSTS posts, $LARGE_COMMENTS comments)"
    seed "$TMP/large" "$LARGE_POSTS" "$LARGE_COMMENTS"
    start_site "$TMP/large" "$port"
    local html category tag counters="$OUT/large-site-memory.$STAMP.counters.csv"
    html=$(curl -s --max-time 30 "http://127.0.0.1:$port$POST_PATH")
    category=$(first_link category <<<"$html")
    tag=$(first_link tag <<<"$html")
    wait_for_quiet 60
    rm -f "$counters"
    dotnet dotnet-counters collect -p "$PID" --counters System.Runtime,Parley.Sqlite --format csv -o "$counters" \
        --refresh-interval 1 >"$TMP/counters.log" 2>&1 &
    local counters_pid=$! path summary="$OUT/large-site-memory.$STAMP.txt"
    {
        echo "# Resident memory of Parley on a large site under load ($(date -u '+%Y-%m-%d %H:%M UTC'))"
        echo "# Machine: $(machine_line); Parley commit $commit, Release (ReadyToRun), SQLite, page cache off"
        echo "# Site: Parley bench seed --posts $LARGE_POSTS --comments $LARGE_COMMENTS; command: bench/profile.sh"
        echo
        for path in "$POST_PATH" / "$category" "$tag" "/search?q=changes" /feed; do
            printf '%-28s %s req/s, resident %s MB after\n' "$path" \
                "$(wrk -t2 -c32 -d10s "http://127.0.0.1:$port$path" | awk '/^Requests\/sec:/ { print $2 }')" \
                "$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$PID/status")"
        done
        echo
        grep -E '^(VmHWM|VmRSS|RssAnon|RssFile|RssShmem|Threads)' "/proc/$PID/status"
        echo
        echo "# Resident memory by mapping now (MB; [anon] holds the GC heap, [heap] glibc's main arena):"
        awk '/^[0-9a-f]+-[0-9a-f]+ / { name = $6; if (name == "") name = "[anon]" }
             /^Rss:/ { rss[name] += $2 }
             END { for (n in rss) if (rss[n] >= 1024) printf "%8.1f  %s\n", rss[n] / 1024, n }' "/proc/$PID/smaps" | sort -rn | head -n 25
    } >"$summary"
    sleep 2
    kill "$counters_pid" 2>/dev/null || true   # (a background job ignores SIGINT)
    wait "$counters_pid" 2>/dev/null || true
    cat "$summary"
    log "kept in $OUT/: *.$STAMP.*"
}

main "$@"
