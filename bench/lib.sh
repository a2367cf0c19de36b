# Helpers shared by the benchmark scripts in bench/. Sourced, not run:
#
#   BENCH_NAME=kit.sh; source "bench/lib.sh"
#
# Every function here is side-effect free apart from what its comment says; the scripts keep their
# own trap, temporary folder and servers.

log() { printf '[%s] %s\n' "${BENCH_NAME:-bench}" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Installs Debian packages when running as root (as on the project's machines and CI), or says which
# ones to install otherwise. Arguments are "command:package" pairs, e.g. wrk:wrk sqlite3:sqlite3.
require_packages() {
    local pair missing=()
    for pair in "$@"; do
        command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
    done
    [ ${#missing[@]} -eq 0 ] && return
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
        log "installing ${missing[*]} with apt-get"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${missing[@]}" >/dev/null \
            || die "could not install ${missing[*]}"
    else
        log "needed: sudo apt-get install ${missing[*]} (or your system's packages for them)"
        exit 1
    fi
}

# Publishes Parley from the source tree $2 (default: this one) into $1 the way README.md says to deploy it:
# Release, compiled ahead of time (ReadyToRun) for this platform, so every script measures the same build.
publish_parley() {
    local out=$1 src=${2:-.}
    log "publishing Parley (Release, ReadyToRun) from $src"
    dotnet publish "$src/src/Parley.Web" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
        -o "$out" --nologo -v quiet >"$out.publish.log" 2>&1 || { cat "$out.publish.log" >&2; die "publishing Parley failed"; }
}

# The commit being measured, marked when src/ holds changes on top of it.
measured_commit() {
    local commit
    commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
    [ -z "$(git status --porcelain -- src 2>/dev/null)" ] || commit+=" (with uncommitted changes in src/)"
    echo "$commit"
}

# The collapsed table of every measured round (from measure's ROWS), for the end of a section.
rounds_details() {
    printf '<details><summary>Every round</summary>\n\n| Round | %s | %s | Req/s | p50 ms | p99 ms | Errors | Server CPU | Other CPU | Load before | Verdict |\n' "$1" "$2"
    printf '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n%s\n\n</details>\n' "${ROWS%$'\n'}"
}

require_tools() {
    command -v dotnet >/dev/null || die "dotnet is not installed (see global.json for the SDK version)."
    require_packages curl:curl wrk:wrk
}

# A port nothing listens on, from a small bounded range.
free_port() {
    local port
    for port in $(seq "$1" $(($1 + 50))); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
    done
    die "no free port in $1..$(($1 + 50))"
}

# Waits (at most 90 s) for a 200 on the URL, giving up early if the server process died.
wait_for_200() {
    local url=$1 pid=$2 logfile=$3 code
    for _ in $(seq 1 180); do
        kill -0 "$pid" 2>/dev/null || { cat "$logfile" >&2; die "server for $url exited"; }
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true)
        [ "$code" = 200 ] && return
        sleep 0.5
    done
    cat "$logfile" >&2
    die "$url did not answer 200 within 90 s (last status: $code)"
}

# Stops one process the script started: SIGTERM, then (bounded: 10 s) SIGKILL. Quiet when it is gone.
stop_pid() {
    local pid=$1
    [ -n "$pid" ] || return 0
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

# wrk prints times as 812.00us, 1.23ms, 2.01s or 1.00m; the tables use milliseconds.
to_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
        if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
        else if (u != "ms") exit   # unknown unit: print nothing, the caller reports it
        printf "%.2f", n }'
}

median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# Busy CPU ticks of the whole machine: everything but idle and iowait. irq and softirq count too,
# because loopback networking runs there and the kernel also charges it to the process it interrupted.
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
# Ticks the machine's CPUs spent idle while waiting for disk I/O (fsync, for instance).
iowait_ticks() { awk '/^cpu / { print $6 }' /proc/stat; }
# CPU ticks used so far by one process (utime + stime; fields counted after the ")" of its name).
process_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }
load1() { cut -d' ' -f1 /proc/loadavg; }

machine_line() {
    local model mem
    model=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
    mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
    printf '%s CPU(s), %s, %s RAM, Linux %s, .NET SDK %s' \
        "$(nproc)" "${model:-unknown CPU}" "$mem" "$(uname -r)" "$(dotnet --version)"
}

# Waits, at most $1 seconds (default 45), until the whole machine has used less than 0.3 cores for
# 3 s. Called between runs, when the servers under test are idle, so what it waits out is other work
# on the machine (a build, a test run). Gives up quietly but says so; the run is then measured anyway
# and its Other CPU column shows the disturbance.
wait_for_quiet() {
    local limit=${1:-45} waited=0 m0 m1 busy hz
    hz=$(getconf CLK_TCK)
    while :; do
        m0=$(machine_ticks); sleep 3; m1=$(machine_ticks)
        busy=$(awk -v t=$((m1 - m0)) -v hz="$hz" 'BEGIN { printf "%.2f", t / hz / 3 }')
        awk -v b="$busy" 'BEGIN { exit !(b < 0.3) }' && break
        waited=$((waited + 3))
        if [ "$waited" -ge "$limit" ]; then log "the machine is still busy ($busy cores) after ${limit}s; measuring anyway"; return 0; fi
    done
    [ "$waited" -eq 0 ] || log "waited ${waited}s for other work on the machine to finish"
}

# --- Measuring with wrk (bench/kit.sh, bench/scale.sh). These use the caller's TMP, RESULTS, DURATION,
# WRK_CMD, RETRIES and OTHERS_LIMIT, and fill its ROWS, RPS, P50, P99 and UNREPORTED. ---

# CPU ticks of a process and its live children (nginx's workers are children of its master).
tree_ticks() {
    local total child
    total=$(process_ticks "$1")
    for child in $(pgrep -P "$1" || true); do total=$((total + $(process_ticks "$child"))); done
    echo "$total"
}

# One wrk run. Prints "rps p50 p99 errors server_cores other_cores load" (times in ms); raw output kept.
run_wrk() {
    local url=$1 pid=$2 out=$3 m0 m1 s0 s1 load hz wrk_cpu seconds=${DURATION%s}
    hz=$(getconf CLK_TCK)
    load=$(load1); m0=$(machine_ticks); s0=$(tree_ticks "$pid")
    local TIMEFORMAT='%U %S'
    { time $WRK_CMD "$url" >"$out" 2>&1; } 2>"$TMP/time" || die "wrk failed: $(cat "$out")"
    m1=$(machine_ticks); s1=$(tree_ticks "$pid")
    wrk_cpu=$(awk '{ print $1 + $2 }' "$TMP/time")
    local rps p50 p99 errors
    rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
    errors=$(awk '/Non-2xx or 3xx/ { n += $NF } /Socket errors/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$out")
    [ -n "$rps" ] && [ -n "$p50" ] && [ -n "$p99" ] || die "could not read wrk's output: $(cat "$out")"
    awk -v r="$rps" -v a="$p50" -v b="$p99" -v e="$errors" -v s=$((s1 - s0)) -v m=$((m1 - m0)) -v w="$wrk_cpu" \
        -v hz="$hz" -v d="$seconds" -v l="$load" 'BEGIN {
            o = ((m - s) / hz - w) / d; if (o < 0) o = 0
            printf "%s %s %s %s %.2f %.2f %s\n", r, a, b, e, s / hz / d, o, l }'
}

ROWS=""
declare -A RPS P50 P99 UNREPORTED
# Measures one target on one server, again when the round was disturbed or had errors.
measure() {
    local round=$1 target=$2 server=$3 url=$4 pid=$5 try result rps p50 p99 errors cpu others load verdict
    for try in $(seq 0 "$RETRIES"); do
        [ "$try" -gt 0 ] && { log "repeating $target/$server ($verdict)"; wait_for_quiet 60; }
        result=$(run_wrk "$url" "$pid" "$RESULTS/r$round-$target-$server-try$try.txt")
        read -r rps p50 p99 errors cpu others load <<<"$result"
        verdict=ok
        [ "$errors" -gt 0 ] && verdict="$errors failed requests"
        awk -v o="$others" -v l="$OTHERS_LIMIT" 'BEGIN { exit !(o > l) }' && verdict="other processes used $others cores"
        ROWS+="| $round | $target | $server | $rps | $p50 | $p99 | $errors | $cpu | $others | $load | $verdict |"$'\n'
        log "round $round $target/$server: $rps req/s, p50 $p50 ms, p99 $p99 ms, errors $errors, others $others cores ($verdict)"
        [ "$verdict" = ok ] && break
    done
    if [ "$verdict" = ok ]; then
        RPS[$target/$server]+="$rps "; P50[$target/$server]+="$p50 "; P99[$target/$server]+="$p99 "
    else
        UNREPORTED[$target/$server]="$verdict"
    fi
}

# Milliseconds from the process start until the URL first answered 200 (polled every 20 ms).
first_answer_ms() {
    local url=$1 pid=$2 start=$3 now
    for _ in $(seq 1 3000); do
        kill -0 "$pid" 2>/dev/null || die "Parley exited while starting"
        if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true)" = 200 ]; then
            now=$(date +%s%N); echo $(((now - start) / 1000000)); return
        fi
        sleep 0.02
    done
    die "$url did not answer within 60 s"
}

peak_rss_mb() { awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }


# The first link under /KIND/ in the HTML on stdin (a post's first category or tag), or nothing.
first_link() { grep -oE "href=\"/$1/[^\"/]+\"" | head -n 1 | sed 's/^href="//; s/"$//' || true; }
