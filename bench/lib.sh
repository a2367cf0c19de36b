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
