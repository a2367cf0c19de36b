#!/usr/bin/env bash
# The benchmark kit: Parley's public pages against nginx serving the very same bytes as files.
#
#   bench/kit.sh            (from the repository root; about 15 minutes)
#   bench/kit.sh --quick    (1 round of 5 s per target: for trying the kit, not for publishing)
#
# 1. Publishes Parley in Release and loads the benchmark site: ../shared/data/bench/realistic-site.wxr.xml
#    (a WordPress export: one long post with 50 comments, 15 of them replies, 201 more posts) through
#    `Parley import wordpress`, or, without that file, a generated site of the same shape (`Parley bench
#    seed`). BENCH_SITE=path/to/export.xml picks another export.
# 2. Starts Parley twice on that data: as it runs for readers (pages kept in memory) and with the page
#    cache off (every request renders from the database). Records how long the first start took until
#    the post page answered.
# 3. Saves the pages Parley sends (post, home, category archive, tag page, feed) and starts nginx
#    (Debian's package) serving those bytes as static files, and bench/StaticBytes (the smallest ASP.NET
#    Core app that returns the post's bytes from memory: the ceiling for any ASP.NET Core app here).
# 4. Runs wrk against each target on each server in interleaved rounds (after a warm-up), medians over
#    rounds, and the ratios Parley ÷ nginx. A round in which requests failed, or other processes used
#    the machine, is measured again (twice at most); a figure that stays disturbed is not reported.
# 5. Appends a dated section to docs/benchmarks.md.
#
# Load goes only to 127.0.0.1; every server and the temporary folder are stopped and removed on exit.
set -euo pipefail

cd "$(dirname "$0")/.."   # the repository root, wherever the script is started from
BENCH_NAME=kit.sh
# shellcheck source=bench/lib.sh
source bench/lib.sh

QUICK=no
[ "${1:-}" = "--quick" ] && QUICK=yes
if [ "$QUICK" = yes ]; then ROUNDS=1 DURATION=5s WARMUP=2s; else ROUNDS=3 DURATION=15s WARMUP=5s; fi
readonly ROUNDS DURATION WARMUP THREADS=2 CONNECTIONS=32 RETRIES=2
readonly WRK_CMD="wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency"
readonly SITE=${BENCH_SITE:-../shared/data/bench/realistic-site.wxr.xml}
POST_SLUG=${BENCH_POST:-realistic-post}
readonly DOC=${BENCH_DOC:-docs/benchmarks.md}
# Targets from the issue: cached pages at least 60 % of nginx for the same bytes, uncached at least 10 %.
readonly CACHED_TARGET=0.60 UNCACHED_TARGET=0.10
readonly OTHERS_LIMIT=0.25

TMP=$(mktemp -d -t parley-kit.XXXXXX)
CACHED_PID="" UNCACHED_PID="" NGINX_PID="" BYTES_PID=""
RESULTS="bench/results/kit-$(date -u +%Y%m%dT%H%M%SZ)"

cleanup() {
    local pid
    [ -n "$NGINX_PID" ] && kill -QUIT "$NGINX_PID" 2>/dev/null || true
    for pid in $CACHED_PID $UNCACHED_PID $NGINX_PID $BYTES_PID; do stop_pid "$pid"; done
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_parley() {   # name port extra-args...
    local name=$1 port=$2; shift 2
    Parley__DataPath="$TMP/data" Parley__SeedDemoContent=false ASPNETCORE_ENVIRONMENT=Production \
        Logging__LogLevel__Default=Warning Parley__Limits__CommentsPerWindow=1000000 \
        dotnet "$TMP/parley/Parley.dll" --urls "http://127.0.0.1:$port" --contentRoot "$TMP/parley" "$@" >"$TMP/$name.log" 2>&1 &
    echo $!
}

main() {
    require_tools
    require_packages nginx:nginx
    mkdir -p "$RESULTS" "$TMP/data" "$TMP/www"

    publish_parley "$TMP/parley"
    dotnet publish bench/StaticBytes -c Release -o "$TMP/static" --nologo -v quiet >>"$TMP/publish.log" 2>&1 \
        || { cat "$TMP/publish.log" >&2; die "publishing StaticBytes failed"; }

    local site_line
    if [ -f "$SITE" ]; then
        log "importing $SITE"
        Parley__DataPath="$TMP/data" dotnet "$TMP/parley/Parley.dll" import wordpress "$SITE" >"$TMP/import.log" 2>&1 \
            || { cat "$TMP/import.log" >&2; die "the import failed"; }
        site_line="\`$(basename "$SITE")\` imported with \`Parley import wordpress\` ($(grep -m1 -oE '[0-9]+ posts?' "$TMP/import.log" || echo "see import log"))"
    else
        log "$SITE is not here: generating a site of the same shape"
        Parley__DataPath="$TMP/data" dotnet "$TMP/parley/Parley.dll" bench seed --posts 202 --comments 524 >"$TMP/import.log" 2>&1 \
            || { cat "$TMP/import.log" >&2; die "generating the site failed"; }
        POST_SLUG=realistic-post
        site_line="generated with \`Parley bench seed --posts 202 --comments 524\`"
    fi

    local port_c port_u port_n start
    port_c=$(free_port 5280)
    start=$(date +%s%N)
    CACHED_PID=$(start_parley cached "$port_c")
    wait_for_200 "http://127.0.0.1:$port_c/sitemap.xml" "$CACHED_PID" "$TMP/cached.log"
    local path
    # /sitemap.xml is an index of part files; the post is in one of them.
    local part
    path=""
    for part in $(curl -s --max-time 10 "http://127.0.0.1:$port_c/sitemap.xml" | grep -oE '<loc>[^<]*</loc>' | sed -E 's#<loc>https?://[^/]+##; s#</loc>##'); do
        path=$(curl -s --max-time 10 "http://127.0.0.1:$port_c$part" | grep -oE "<loc>[^<]*/$POST_SLUG</loc>" | head -n 1 | sed -E 's#<loc>https?://[^/]+##; s#</loc>##' || true)
        [ -n "$path" ] && break
    done
    [ -n "$path" ] || die "the post '$POST_SLUG' is not in the sitemap"
    # The first page after the very first start (migrations ran then): the restart below is the one timed.
    stop_pid "$CACHED_PID"
    start=$(date +%s%N)
    CACHED_PID=$(start_parley cached "$port_c")
    local startup_ms
    startup_ms=$(first_answer_ms "http://127.0.0.1:$port_c$path" "$CACHED_PID" "$start")
    log "start to first served post page: $startup_ms ms"

    port_u=$(free_port $((port_c + 1)))
    UNCACHED_PID=$(start_parley uncached "$port_u" --Parley:PageCache:Enabled=false)
    wait_for_200 "http://127.0.0.1:$port_u$path" "$UNCACHED_PID" "$TMP/uncached.log"

    # The other targets: the home page, the post's first category and tag pages, the site feed.
    local post_html category tag
    post_html=$(curl -s --max-time 10 "http://127.0.0.1:$port_c$path")
    category=$(first_link category <<<"$post_html")
    tag=$(first_link tag <<<"$post_html")
    local -a names=(post home category tag feed) paths=("$path" / "${category:-/}" "${tag:-/}" /feed) files=(post.html home.html category.html tag.html feed.xml)

    # nginx serves the bytes Parley sends, fetched once each (the second GET is the kept copy).
    chmod 755 "$TMP" "$TMP/www"
    local i sizes=""
    for i in "${!names[@]}"; do
        curl -sf --max-time 10 -o /dev/null "http://127.0.0.1:$port_c${paths[$i]}" || die "could not GET ${paths[$i]}"
        curl -sf --max-time 10 -o "$TMP/www/${files[$i]}" "http://127.0.0.1:$port_c${paths[$i]}"
        sizes+="${names[$i]} \`${paths[$i]}\` $(stat -c %s "$TMP/www/${files[$i]}") bytes; "
    done
    port_n=$(free_port $((port_u + 1)))
    cat >"$TMP/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $TMP/nginx.pid;
error_log $TMP/nginx-error.log warn;
$( [ "$(id -u)" -eq 0 ] && echo "user root;" )
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    client_body_temp_path $TMP/nginx-body; proxy_temp_path $TMP/nginx-proxy; fastcgi_temp_path $TMP/nginx-fastcgi;
    uwsgi_temp_path $TMP/nginx-uwsgi; scgi_temp_path $TMP/nginx-scgi;
    server { listen 127.0.0.1:$port_n; root $TMP/www; }
}
EOF
    nginx -c "$TMP/nginx.conf" -p "$TMP" >"$TMP/nginx.log" 2>&1 &
    NGINX_PID=$!
    wait_for_200 "http://127.0.0.1:$port_n/post.html" "$NGINX_PID" "$TMP/nginx-error.log"
    for i in "${!names[@]}"; do
        cmp -s <(curl -s "http://127.0.0.1:$port_n/${files[$i]}") <(curl -s "http://127.0.0.1:$port_c${paths[$i]}") \
            || die "nginx and Parley send different bytes for ${names[$i]}"
    done
    local port_b
    port_b=$(free_port $((port_n + 1)))
    dotnet "$TMP/static/StaticBytes.dll" --file "$TMP/www/post.html" --urls "http://127.0.0.1:$port_b" >"$TMP/static.log" 2>&1 &
    BYTES_PID=$!
    wait_for_200 "http://127.0.0.1:$port_b/" "$BYTES_PID" "$TMP/static.log"

    log "warming up ($WARMUP per target and server)"
    wrk -t$THREADS -c$CONNECTIONS -d$WARMUP "http://127.0.0.1:$port_b/" >/dev/null 2>&1
    for i in "${!names[@]}"; do
        wrk -t$THREADS -c$CONNECTIONS -d$WARMUP "http://127.0.0.1:$port_n/${files[$i]}" >/dev/null 2>&1
        wrk -t$THREADS -c$CONNECTIONS -d$WARMUP "http://127.0.0.1:$port_c${paths[$i]}" >/dev/null 2>&1
        wrk -t$THREADS -c$CONNECTIONS -d$WARMUP "http://127.0.0.1:$port_u${paths[$i]}" >/dev/null 2>&1
    done
    wait_for_quiet 60

    local round
    for round in $(seq 1 "$ROUNDS"); do
        for i in "${!names[@]}"; do
            measure "$round" "${names[$i]}" nginx "http://127.0.0.1:$port_n/${files[$i]}" "$NGINX_PID"
            measure "$round" "${names[$i]}" cached "http://127.0.0.1:$port_c${paths[$i]}" "$CACHED_PID"
            measure "$round" "${names[$i]}" uncached "http://127.0.0.1:$port_u${paths[$i]}" "$UNCACHED_PID"
        done
        measure "$round" post aspnet-bytes "http://127.0.0.1:$port_b/" "$BYTES_PID"
    done
    local rss_c rss_u
    rss_c=$(peak_rss_mb "$CACHED_PID"); rss_u=$(peak_rss_mb "$UNCACHED_PID")

    local summary="" target server n c u rc ru verdict_c verdict_u
    for target in "${names[@]}"; do
        local line="| $target |"
        for server in nginx cached uncached; do
            if [ -n "${UNREPORTED[$target/$server]:-}" ]; then line+=" not reported (${UNREPORTED[$target/$server]}) | | |"; continue; fi
            # shellcheck disable=SC2086 # space-separated lists
            line+=" $(median ${RPS[$target/$server]}) | $(median ${P50[$target/$server]}) | $(median ${P99[$target/$server]}) |"
        done
        # shellcheck disable=SC2086
        if [ -z "${UNREPORTED[$target/nginx]:-}" ]; then
            n=$(median ${RPS[$target/nginx]})
            if [ -z "${UNREPORTED[$target/cached]:-}" ]; then
                c=$(median ${RPS[$target/cached]}); rc=$(awk -v a="$c" -v b="$n" 'BEGIN { printf "%.1f %%", 100 * a / b }')
                verdict_c=$(awk -v a="$c" -v b="$n" -v t="$CACHED_TARGET" 'BEGIN { print (a / b >= t) ? "met" : "**not met**" }')
            else rc="—"; verdict_c="not measured"; fi
            if [ -z "${UNREPORTED[$target/uncached]:-}" ]; then
                u=$(median ${RPS[$target/uncached]}); ru=$(awk -v a="$u" -v b="$n" 'BEGIN { printf "%.1f %%", 100 * a / b }')
                verdict_u=$(awk -v a="$u" -v b="$n" -v t="$UNCACHED_TARGET" 'BEGIN { print (a / b >= t) ? "met" : "**not met**" }')
            else ru="—"; verdict_u="not measured"; fi
        else rc="—"; ru="—"; verdict_c="no nginx figure"; verdict_u="no nginx figure"; fi
        summary+="$line $rc ($verdict_c) | $ru ($verdict_u) |"$'\n'
    done

    local ceiling="not reported (${UNREPORTED[post/aspnet-bytes]:-})"
    # shellcheck disable=SC2086
    if [ -z "${UNREPORTED[post/aspnet-bytes]:-}" ] && [ -z "${UNREPORTED[post/nginx]:-}" ]; then
        ceiling=$(awk -v a="$(median ${RPS[post/aspnet-bytes]})" -v b="$(median ${RPS[post/nginx]})" -v p50="$(median ${P50[post/aspnet-bytes]})" -v p99="$(median ${P99[post/aspnet-bytes]})" \
            'BEGIN { printf "%s req/s (p50 %s ms, p99 %s ms), %.1f %% of nginx", a, p50, p99, 100 * a / b }')
    fi

    local commit
    commit=$(measured_commit)
    local section="$TMP/section.md"
    cat >"$section" <<EOF

## Benchmark kit, $(date -u '+%Y-%m-%d %H:%M UTC')$( [ "$QUICK" = yes ] && echo " (quick run: not for comparison)")

- Date: $(date -u)
- Machine: $(machine_line), nginx $(nginx -v 2>&1 | sed 's#.*nginx/##')
- Parley: commit $commit, Release, SQLite; site $site_line
- Command: \`bench/kit.sh$( [ "$QUICK" = yes ] && echo " --quick")\` — $ROUNDS interleaved round(s) of \`$WRK_CMD\` per target and server, after a $WARMUP warm-up each
- Pages (the same bytes on every server): ${sizes%; }
- *cached*: Parley as it runs for readers; *uncached*: \`--Parley:PageCache:Enabled=false\`, every request rendered from the database
- The ceiling for any ASP.NET Core app on this machine — \`bench/StaticBytes\` returning the post's bytes from memory: **$ceiling**
- Start to first served post page (a restart on the imported data): **$startup_ms ms**; peak resident memory after the run: cached **$rss_c MB**, uncached **$rss_u MB**

| Median of $ROUNDS | nginx req/s | p50 ms | p99 ms | cached req/s | p50 ms | p99 ms | uncached req/s | p50 ms | p99 ms | cached ÷ nginx (target 60 %) | uncached ÷ nginx (target 10 %) |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|
${summary%$'\n'}

$(rounds_details Target Server)
EOF
    cat "$section" >>"$DOC"
    cat "$section"
    log "appended to $DOC; raw wrk output in $RESULTS/"
}

main "$@"
