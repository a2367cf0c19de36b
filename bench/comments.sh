#!/usr/bin/env bash
# Comment benchmark: how fast Parley stores comments posted over HTTP (SQLite and PostgreSQL, one
# client and 16), and what 500 comments cost a post page.
#
#   bench/comments.sh          (from the repository root; takes about 8-10 minutes)
#   bench/comments.sh --head   (publishes the committed HEAD from a clean clone instead of the work
#                               tree, for when src/ holds someone's unfinished changes)
#
# Part 1, posting. Parley is published in Release and started twice on freshly seeded data: once on
# SQLite (a file in the data folder, WAL, default synchronous) and once on a throwaway PostgreSQL
# cluster started here with durable settings (fsync and synchronous_commit left on). Each is sent the
# post page's reply form by bench/comment-post.lua: one anti-forgery token and form stamp, fetched
# with a GET, then POSTs that differ in their body. Only 303 See Other counts as a stored comment.
# One client (wrk -t1 -c1) and 16 clients (wrk -t2 -c16), interleaved over rounds.
#
# Part 2, reading. A third Parley (SQLite) gets 500 comments on one demo post, posted over HTTP,
# approved in the database file (15 of them replies), and is restarted to start from a cold cache.
# Threads are paged (50 per page by default), so a copy of that site set to 500 per page is started
# too. The post's first page, the whole thread on one page and a demo post without comments are then
# loaded in interleaved rounds.
#
# The result is printed and appended, dated, to docs/benchmarks.md. Everything stays on 127.0.0.1;
# the servers, the PostgreSQL cluster and the temporary folder are removed on exit.
set -euo pipefail

cd "$(dirname "$0")/.."   # the repository root, wherever the script is started from
BENCH_NAME=comments.sh
# shellcheck source=bench/lib.sh
source bench/lib.sh

# The COMMENTS_* variables are only for trying the script itself quickly (e.g. COMMENTS_ROUNDS=1
# COMMENTS_DURATION=3s COMMENTS_THREAD=60 COMMENTS_DOC=/tmp/try.md); published numbers use the defaults.
readonly ROUNDS=${COMMENTS_ROUNDS:-3} DURATION=${COMMENTS_DURATION:-15s} WARMUP=${COMMENTS_WARMUP:-5s}
# Posting can be slow under contention; wrk's default 2 s timeout would drop answers that did come.
readonly POST_TIMEOUT=30s
readonly WRK_SEQ="wrk -t1 -c1 -d$DURATION --latency --timeout $POST_TIMEOUT"
readonly WRK_CONC="wrk -t2 -c16 -d$DURATION --latency --timeout $POST_TIMEOUT"
readonly WRK_PAGE="wrk -t2 -c32 -d$DURATION --latency"
readonly LUA=bench/comment-post.lua
readonly POST_SLUG="two-years-of-river-clean-up-in-four-numbers"      # gets the comments
readonly EMPTY_SLUG="should-the-library-stay-open-until-ten"          # stays without any
readonly THREAD_SIZE=${COMMENTS_THREAD:-500} THREAD_REPLIES=15
readonly PG_DB=parley_bench
readonly DOC=${COMMENTS_DOC:-docs/benchmarks.md}
# The limits that keep one address (and one email) from posting more than once per 15 s and sooner
# than 2 s after seeing the form, raised for the run. 1,000,000 per window is the top of the
# setting's declared range and far above what this machine can post.
readonly LIMITS=(Parley__Limits__CommentMinimumSeconds=0 Parley__Limits__CommentsPerWindow=1000000)
# As in kit.sh: a round is disturbed when other processes used more than a quarter of a core, or
# the load average was far above what the benchmark itself causes.
readonly OTHERS_LIMIT=0.25 LOAD_LIMIT=4.5
# Before each run, wait at most this many seconds for other work on the machine to finish.
readonly QUIET_WAIT=${COMMENTS_QUIET_WAIT:-90}

FROM_HEAD=no
case "${1:-}" in
    --head) FROM_HEAD=yes ;;
    "") ;;
    *) echo "usage: bench/comments.sh [--head]" >&2; exit 2 ;;
esac

TMP=$(mktemp -d -t parley-comments.XXXXXX)
SQLITE_PID="" PG_PARLEY_PID="" THREAD_PID="" ALL_PID=""
PGBIN="" PGDATA=""
RESULTS="bench/results/$(date -u +%Y%m%dT%H%M%SZ)-comments"   # raw wrk output (git-ignored)

as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

stop_cluster() {
    if [ -n "$PGDATA" ] && [ -f "$PGDATA/postmaster.pid" ]; then
        as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -t 30 stop >/dev/null 2>&1 \
            || as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true
    fi
}

# Runs on every exit, including failures and Ctrl-C: no server, cluster or temp folder is left behind.
cleanup() {
    local pid
    for pid in $SQLITE_PID $PG_PARLEY_PID $THREAD_PID $ALL_PID; do stop_pid "$pid"; done
    stop_cluster
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# set -e alone would end the script without a word; this names the command that failed.
set -E
trap 'log "error: line $LINENO failed: $BASH_COMMAND"' ERR

require_postgres() {
    if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
        if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
            log "installing postgresql with apt-get"
            apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq postgresql >/dev/null \
                || die "could not install postgresql"
        else
            die "PostgreSQL is needed: sudo apt-get install postgresql"
        fi
    fi
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
}

# A throwaway cluster on loopback with PostgreSQL's default (durable) settings: unlike test.sh's
# cluster, fsync, synchronous_commit and full_page_writes stay on, so each comment is a real commit.
start_cluster() {
    local port
    PGDATA="$TMP/pg/data"
    mkdir -p "$TMP/pg"
    if [ "$(id -u)" -eq 0 ]; then chmod 711 "$TMP"; chown postgres: "$TMP/pg"; fi
    as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$TMP/initdb.log" 2>&1 \
        || { cat "$TMP/initdb.log" >&2; die "initdb failed"; }
    port=$(free_port 55532)
    as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$TMP/pg/server.log" -w -t 30 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $TMP/pg -c shared_preload_libraries=pg_stat_statements" start >/dev/null 2>&1 \
        || { cat "$TMP/pg/server.log" >&2; die "PostgreSQL did not start on port $port"; }
    PG_PORT=$port
    "$PGBIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$PG_DB" || die "createdb failed"
    # What the database spent its time on while comments were posted: the PostgreSQL side of the profile.
    psql_q "CREATE EXTENSION pg_stat_statements" >/dev/null || die "pg_stat_statements is missing"
    PG_VERSION=$("$PGBIN/postgres" --version | awk '{ print $3 }')
    PG_SETTINGS=$(psql_q "SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name) FROM pg_settings
        WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method', 'shared_buffers', 'max_connections')")
}

psql_q() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$PG_DB" -qAtX -c "$1"; }
sqlite_q() { sqlite3 -cmd '.timeout 30000' "$1" "$2"; }

# Starts a published Parley in the background on 127.0.0.1:PORT and waits for its home page.
# The PID goes into the variable named first; extra VAR=value arguments are added to its environment.
start_parley() {
    local var=$1 port=$2 data=$3 logfile=$4 pid
    shift 4
    mkdir -p "$data"
    # Started from its own folder, as in production: that folder is the content root (wwwroot).
    (cd "$TMP/parley" && exec env "$@" "${LIMITS[@]}" Parley__DataPath="$data" ASPNETCORE_ENVIRONMENT=Production \
        Logging__LogLevel__Default=Warning dotnet Parley.dll --urls "http://127.0.0.1:$port") >>"$logfile" 2>&1 &
    pid=$!
    printf -v "$var" '%s' "$pid"
    wait_for_200 "http://127.0.0.1:$port/" "$pid" "$logfile"
}

# A post's address carries its publication month, so it is read off the home page.
post_path() {
    local base=$1 slug=$2 path
    path=$(curl -s --max-time 5 "$base/" |
        grep -oE "href=\"/[0-9]{4}/[0-9]{2}/$slug\"" | head -n 1 | sed 's/^href="//; s/"$//' || true)
    [ -n "$path" ] || die "the demo post $slug is not linked from $base/"
    echo "$path"
}

# Does what the post page's script does and prints "TOKEN ISSUED COOKIE": the page (kept for every
# visitor) has empty form fields, so the reader's anti-forgery token and signed form stamp come from
# /comments/form-state, with the anti-forgery cookie that answer sets.
form_fields() {
    local url=$1 jar="$TMP/jar.$RANDOM" page="$TMP/form.$RANDOM.json" token issued cookie origin
    origin=$(printf '%s' "$url" | sed -E 's#^(https?://[^/]+).*#\1#')
    curl -sf --max-time 10 -c "$jar" -o "$page" "$origin/comments/form-state" || die "could not GET $origin/comments/form-state"
    token=$(grep -oE '"token":"[^"]+"' "$page" | sed 's/^"token":"//; s/"$//')
    issued=$(grep -oE '"issued":"[^"]+"' "$page" | sed 's/^"issued":"//; s/"$//')
    cookie=$(awk '$6 == "parley_af" { print $7 }' "$jar")   # curl writes HttpOnly cookies as "#HttpOnly_host ..."
    [ -n "$token" ] && [ -n "$issued" ] && [ -n "$cookie" ] || die "no reply form (token, stamp and cookie) on $url"
    rm -f "$jar" "$page"
    echo "$token $issued $cookie"
}

# Busy ticks of the whole PostgreSQL cluster: the postmaster, its live children (the backends, the
# WAL writer, the checkpointer...) and, through the postmaster's cutime/cstime, children that ended.
cluster_ticks() {
    local pm t child
    pm=$(head -n 1 "$PGDATA/postmaster.pid")
    t=$(sed 's/.*) //' "/proc/$pm/stat" | awk '{ print $12 + $13 + $14 + $15 }')
    for child in $(pgrep -P "$pm" || true); do
        t=$((t + $(process_ticks "$child" 2>/dev/null || echo 0)))
    done
    echo "$t"
}

# Comments stored on a post so far (any status).
comments_on() {
    case $1 in
        SQLite) sqlite_q "$TMP/sqlite/parley.db" "SELECT count(*) FROM Comments WHERE PostId = $2" ;;
        PostgreSQL) psql_q "SELECT count(*) FROM \"Comments\" WHERE \"PostId\" = $2" ;;
    esac
}

# Ticks over the run, in cores (CPU seconds per second); a negative rest (tick rounding) shows as 0.
cores() { awk -v t="$1" -v hz="$HZ" -v d="${DURATION%s}" 'BEGIN { c = t / hz / d; printf "%.2f", (c < 0.005 ? 0 : c) }'; }

# One measured posting run. Appends a row to POST_ROWS and its numbers to the per-series lists.
POST_ROWS=""
declare -A CPS P50 P99 ERRS
measure_post() {
    local round=$1 db=$2 clients=$3 url=$4 pid=$5 form=$6 post_id=$7
    local wrk_cmd out key before load_before m0 m1 s0 s1 d0 d1 io0 io1 wrk_cpu
    [ "$clients" = 1 ] && wrk_cmd=$WRK_SEQ || wrk_cmd=$WRK_CONC
    key="$db/$clients"
    out="$RESULTS/round$round-post-$db-c$clients.txt"
    wait_for_quiet "$QUIET_WAIT"
    before=$(comments_on "$db" "$post_id")
    load_before=$(load1); m0=$(machine_ticks); io0=$(iowait_ticks); s0=$(process_ticks "$pid")
    d0=0; [ "$db" = PostgreSQL ] && d0=$(cluster_ticks)
    local TIMEFORMAT='%U %S'
    # shellcheck disable=SC2086 # form holds three words on purpose
    { time $wrk_cmd -s "$LUA" "$url" -- $form "r$round-$db-c$clients" >"$out" 2>&1; } 2>"$TMP/time" \
        || die "wrk failed: $(cat "$out")"
    m1=$(machine_ticks); io1=$(iowait_ticks); s1=$(process_ticks "$pid")
    d1=0; [ "$db" = PostgreSQL ] && d1=$(cluster_ticks)
    wrk_cpu=$(awk -v hz="$HZ" '{ printf "%d", ($1 + $2) * hz }' "$TMP/time")

    local rps p50 p99 posted refused socket errors server dbcpu iowait others disturbed
    rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
    posted=$(awk -F': ' '/^Posted \(303\):/ { print $2 }' "$out")
    refused=$(awk -F': ' '/^Not posted/ { print $2 }' "$out")
    socket=$(awk '/Socket errors/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$out")
    [ -n "$rps" ] && [ -n "$p50" ] && [ -n "$p99" ] && [ -n "$posted" ] || die "could not read wrk's output: $(cat "$out")"
    errors=$((refused + socket))
    [ "$errors" = 0 ] || log "round $round $db c$clients: $refused answers other than 303, $socket socket errors; $(grep -E '^(Statuses|First refusal)' "$out" | tr '\n' ' ')"
    # Comments per second from the 303s alone (wrk's Requests/sec counts every answer).
    local cps
    cps=$(awk -v n="$posted" -v d="$(awk '/requests in/ { sub(/s,?$/, "", $4); print $4 }' "$out")" 'BEGIN { printf "%.2f", n / d }')

    server=$(cores $((s1 - s0)))
    dbcpu=$(cores $((d1 - d0)))
    iowait=$(cores $((io1 - io0)))
    others=$(cores $((m1 - m0 - (s1 - s0) - (d1 - d0) - wrk_cpu)))
    # Only Other CPU decides here: writers waiting for their fsync count towards the load average, so
    # 16 posting clients push it up on their own.
    disturbed=$(awk -v o="$others" -v ol="$OTHERS_LIMIT" 'BEGIN { print (o > ol) ? "yes" : "no" }')
    [ "$db" = SQLite ] && dbcpu="(in Parley)"

    CPS[$key]+="$cps "; P50[$key]+="$p50 "; P99[$key]+="$p99 "; ERRS[$key]=$(( ${ERRS[$key]:-0} + errors ))
    POST_ROWS+="| $round | $db | $clients | $cps | $p50 | $p99 | $posted | $errors | $before | $server | $dbcpu | $iowait | $others | $load_before | $disturbed |"$'\n'
    log "round $round $db, $clients client(s): $cps comments/s, p50 $p50 ms, p99 $p99 ms, posted $posted, errors $errors, $before on the post before, Parley $server cores, db $dbcpu, iowait $iowait, others $others"
}

# One measured page run (GET), as in kit.sh.
PAGE_ROWS=""
declare -A RPS PP50 PP99
measure_page() {
    local round=$1 name=$2 label=$3 url=$4 pid=$5
    local out="$RESULTS/round$round-page-$name.txt" load_before m0 m1 s0 s1 wrk_cpu
    wait_for_quiet "$QUIET_WAIT"
    load_before=$(load1); m0=$(machine_ticks); s0=$(process_ticks "$pid")
    local TIMEFORMAT='%U %S'
    { time $WRK_PAGE "$url" >"$out" 2>&1; } 2>"$TMP/time" || die "wrk failed: $(cat "$out")"
    m1=$(machine_ticks); s1=$(process_ticks "$pid")
    wrk_cpu=$(awk -v hz="$HZ" '{ printf "%d", ($1 + $2) * hz }' "$TMP/time")

    local rps p50 p99 requests errors server others disturbed
    rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
    requests=$(awk '/requests in/ { print $1 }' "$out")
    errors=$(awk '/Non-2xx or 3xx/ { n += $NF } /Socket errors/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$out")
    [ -n "$rps" ] && [ -n "$p50" ] && [ -n "$p99" ] || die "could not read wrk's output: $(cat "$out")"
    server=$(cores $((s1 - s0)))
    others=$(cores $((m1 - m0 - (s1 - s0) - wrk_cpu)))
    disturbed=$(awk -v l="$load_before" -v o="$others" -v ll="$LOAD_LIMIT" -v ol="$OTHERS_LIMIT" \
        'BEGIN { print (l > ll || o > ol) ? "yes" : "no" }')

    RPS[$name]+="$rps "; PP50[$name]+="$p50 "; PP99[$name]+="$p99 "
    PAGE_ROWS+="| $round | $label | $rps | $p50 | $p99 | $requests | $errors | $server | $others | $load_before | $disturbed |"$'\n'
    log "round $round $label: $rps req/s, p50 $p50 ms, p99 $p99 ms, errors $errors, Parley $server cores, others $others"
}

# Posts one comment with curl; dies unless it is stored (303).
post_one() {
    local url=$1 form=$2 name=$3 email=$4 body=$5 parent=${6:-} token issued cookie code
    read -r token issued cookie <<<"$form"
    local args=(--data-urlencode "__parley_af=$token" --data-urlencode "Form.Issued=$issued"
        --data-urlencode "Form.Name=$name" --data-urlencode "Form.Email=$email" --data-urlencode "Form.Body=$body")
    [ -n "$parent" ] && args+=(--data-urlencode "Form.ParentId=$parent")
    code=$(curl -s --max-time 30 -o "$TMP/post-answer.html" -w '%{http_code}' -b "parley_af=$cookie" "${args[@]}" "$url")
    [ "$code" = 303 ] || die "posting to $url answered $code: $(head -c 400 "$TMP/post-answer.html")"
}

# A comment of one to four sentences, different for every n.
SENTENCES=(
    "I walked along the river last Saturday and the difference is easy to see."
    "Fewer bags in the reeds, and the bank by the footbridge is clear again."
    "Do the numbers include the stretch below the weir, or only the town part?"
    "**Thank you** to everyone who turned up in the rain."
    "My kids still talk about the shopping trolley we pulled out in the spring."
    "It would help to have the dates a few weeks *earlier*, so we can plan around them."
    "The council should pay for the skips, not the volunteers."
    "Count me in for the next one; I can bring gloves and a wheelbarrow."
)
comment_text() {
    local n=$1 k text
    text="Comment $n:"
    for k in $(seq 0 $((n % 4))); do text+=" ${SENTENCES[$(((n * 3 + k) % ${#SENTENCES[@]}))]}"; done
    echo "$text"
}

# Gives the post THREAD_SIZE approved comments, THREAD_REPLIES of them replies, the way a site would
# get them: posted over HTTP (held for moderation, as the default policy does with new commenters),
# then approved. There is no setting to publish at once, so approving is done in the database file,
# with the post's approved-comment count recomputed as Parley does.
seed_thread() {
    local url=$1 db=$2 post_id=$3 form i top=$((THREAD_SIZE - THREAD_REPLIES)) parents parent
    form=$(form_fields "$url")
    for i in $(seq 1 "$top"); do
        post_one "$url" "$form" "Reader $i" "reader$i@example.com" "$(comment_text "$i")"
    done
    sqlite_q "$db" "UPDATE Comments SET Status = 1 WHERE PostId = $post_id"
    # Replies are spread evenly over the thread (every 32nd comment of 485).
    parents=$(sqlite_q "$db" "SELECT Id FROM Comments WHERE PostId = $post_id AND ParentId IS NULL ORDER BY Id" |
        awk -v r="$THREAD_REPLIES" -v step=$((top / THREAD_REPLIES)) 'NR % step == 1 % step && n < r { print; n++ }')
    i=$top
    for parent in $parents; do
        i=$((i + 1))
        post_one "$url" "$form" "Reader $i" "reader$i@example.com" "$(comment_text "$i")" "$parent"
    done
    sqlite_q "$db" "UPDATE Comments SET Status = 1 WHERE PostId = $post_id;
        UPDATE Posts SET CommentCount = (SELECT count(*) FROM Comments c WHERE c.PostId = Posts.Id AND c.Status = 1);"
}

# Lines a server logged at fail/crit level (logging is at Warning), with the first one for the report.
log_failures() { grep -cE '^(fail|crit):' "$1" || true; }
# "N (most from CATEGORY: M)" for the lines a server logged at warn level.
log_warnings() {
    local total top
    total=$(grep -c '^warn:' "$1" || true)
    top=$(grep '^warn:' "$1" | sed 's/^warn: //; s/\[[0-9]*\]$//' | sort | uniq -c | sort -rn | awk 'NR == 1 { print $2 ": " $1 }')
    echo "$total${top:+ (most from $top)}"
}

how_to_read() {
    cat <<'EOF'

## How to read the comment sections (`bench/comments.sh`)

- **Posting** sends the demo post's reply form as a reader without JavaScript would: one GET for the
  anti-forgery token, its cookie and the signed form stamp, then POSTs (`bench/comment-post.lua`)
  whose bodies all differ (Parley refuses a comment identical to one already on the post). Only
  303 See Other, Parley's answer to a stored comment, counts: *comments/s* is 303s per second, and
  *Errors* is every other answer plus socket errors (it should be 0). The GET before posting is not
  part of the measured requests.
- The rate limits are raised for the run (`Parley__Limits__CommentMinimumSeconds=0`,
  `Parley__Limits__CommentsPerWindow=1000000`); otherwise one address or email may post once per
  15 s. 1,000,000 is the top of the setting's declared range and far above what this machine posts.
- All comments come from one name and email whose first comment was approved beforehand (in the
  database), so the default policy (publish a known commenter's comments) publishes every one: the
  measured path is the whole one — anti-forgery and form checks, rate limit, sanitizing, moderation
  rules, the commit, the post's recount, the content version, and the page cache dropping the post's pages.
- Comments pile up on the one post over the rounds; *On post before* is how many were already there,
  because Parley's duplicate check reads the post's earlier comments.
- **SQLite** is Parley's default (a file in the data folder, WAL, default synchronous); **PostgreSQL**
  is a throwaway local cluster with durable settings (fsync and synchronous_commit on), so every
  stored comment is a flushed commit on both. *DB CPU* is the whole PostgreSQL cluster; SQLite runs
  inside Parley. *iowait* is machine time spent idle waiting for the disk, in cores.
- **Thread page** is a post page with 500 approved comments (15 of them replies) next to a demo post
  without comments, on SQLite, on a server restarted after the comments were approved. Parley pages
  long threads (50 threads per page by default), so the thread is measured twice: its first page as
  served by default, and on a copy of the site set to 500 per page, where the page holds all 500.
- Other columns as in the page-load sections: CPU in cores, *Other CPU* is everything but Parley,
  the database and wrk. A page round is *disturbed* when Other CPU is above 0.25 cores or the load
  before it above 4.5; a posting round only by Other CPU, since writers waiting for their fsync
  count towards the load average and 16 posting clients raise it on their own. Before each
  run the script waits (up to 90 s) for the machine to be idle, so a build or test run elsewhere on
  the machine is waited out where possible.
EOF
}

main() {
    require_tools
    require_packages sqlite3:sqlite3
    require_postgres
    mkdir -p "$RESULTS" "$TMP/sqlite" "$TMP/pgdata" "$TMP/thread"
    HZ=$(getconf CLK_TCK)

    local src=. commit
    if [ "$FROM_HEAD" = yes ]; then
        src="$TMP/src"
        git clone -q . "$src" || die "could not clone the repository"
        commit="$(git -C "$src" rev-parse --short HEAD) (HEAD, published from a clean clone)"
    else
        commit=$(measured_commit)
    fi
    publish_parley "$TMP/parley" "$src"

    log "starting a throwaway PostgreSQL cluster (durable settings)"
    start_cluster
    log "PostgreSQL $PG_VERSION on 127.0.0.1:$PG_PORT: $PG_SETTINGS"
    local pg_conn="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$PG_DB"

    local port_s port_p base_s base_p
    port_s=$(free_port 5190)
    log "starting Parley on SQLite, 127.0.0.1:$port_s (first start seeds the demo content)"
    start_parley SQLITE_PID "$port_s" "$TMP/sqlite" "$TMP/sqlite.log"
    port_p=$(free_port $((port_s + 1)))
    log "starting Parley on PostgreSQL, 127.0.0.1:$port_p"
    start_parley PG_PARLEY_PID "$port_p" "$TMP/pgdata" "$TMP/postgres.log" \
        Parley__Database__Provider=Postgres "ConnectionStrings__Parley=$pg_conn"
    base_s="http://127.0.0.1:$port_s"; base_p="http://127.0.0.1:$port_p"

    local path_s path_p url_s url_p form_s form_p id_s id_p
    path_s=$(post_path "$base_s" "$POST_SLUG"); path_p=$(post_path "$base_p" "$POST_SLUG")
    url_s="$base_s$path_s"; url_p="$base_p$path_p"
    id_s=$(sqlite_q "$TMP/sqlite/parley.db" "SELECT Id FROM Posts WHERE Slug = '$POST_SLUG'")
    id_p=$(psql_q "SELECT \"Id\" FROM \"Posts\" WHERE \"Slug\" = '$POST_SLUG'")
    form_s=$(form_fields "$url_s"); form_p=$(form_fields "$url_p")
    log "posting to $path_s (post $id_s on SQLite, $id_p on PostgreSQL)"

    # The bench reader becomes a known commenter (one approved comment), so every measured comment is
    # published at once: the full path, with the post's recount and the page cache dropping its pages.
    post_one "$url_s" "$form_s" "Bench Reader" bench-reader@example.com "First comment, to be approved."
    post_one "$url_p" "$form_p" "Bench Reader" bench-reader@example.com "First comment, to be approved."
    sqlite_q "$TMP/sqlite/parley.db" "UPDATE Comments SET Status = 1 WHERE AuthorEmail = 'bench-reader@example.com'"
    psql_q "UPDATE \"Comments\" SET \"Status\" = 1 WHERE \"AuthorEmail\" = 'bench-reader@example.com'" >/dev/null

    log "warming up both servers ($WARMUP of posting with 16 clients each)"
    # shellcheck disable=SC2086
    wrk -t2 -c16 -d$WARMUP --timeout $POST_TIMEOUT -s "$LUA" "$url_s" -- $form_s warmup >"$RESULTS/warmup-post-SQLite.txt" 2>&1
    # shellcheck disable=SC2086
    wrk -t2 -c16 -d$WARMUP --timeout $POST_TIMEOUT -s "$LUA" "$url_p" -- $form_p warmup >"$RESULTS/warmup-post-PostgreSQL.txt" 2>&1
    grep -q '^Not posted (other status): 0$' "$RESULTS/warmup-post-SQLite.txt" || die "warm-up on SQLite had refusals: $(cat "$RESULTS/warmup-post-SQLite.txt")"
    grep -q '^Not posted (other status): 0$' "$RESULTS/warmup-post-PostgreSQL.txt" || die "warm-up on PostgreSQL had refusals: $(cat "$RESULTS/warmup-post-PostgreSQL.txt")"

    psql_q "SELECT pg_stat_statements_reset()" >/dev/null
    local round clients
    for round in $(seq 1 "$ROUNDS"); do
        for clients in 1 16; do
            measure_post "$round" SQLite "$clients" "$url_s" "$SQLITE_PID" "$form_s" "$id_s"
            measure_post "$round" PostgreSQL "$clients" "$url_p" "$PG_PARLEY_PID" "$form_p" "$id_p"
        done
    done

    # Every 303 must be a row; a few more rows than 303s are requests wrk cut off at the end of a run,
    # which the server still completed.
    local stored_s stored_p posted_s posted_p
    stored_s=$(comments_on SQLite "$id_s"); stored_p=$(comments_on PostgreSQL "$id_p")
    posted_s=$(awk -F': ' '/^Posted \(303\):/ { n += $2 } END { print n }' "$RESULTS"/*SQLite*.txt)
    posted_p=$(awk -F': ' '/^Posted \(303\):/ { n += $2 } END { print n }' "$RESULTS"/*PostgreSQL*.txt)
    log "stored vs 303s: SQLite $stored_s rows for $posted_s 303s, PostgreSQL $stored_p rows for $posted_p 303s"
    [ "$stored_s" -ge "$posted_s" ] && [ "$stored_p" -ge "$posted_p" ] || die "fewer comments stored than 303 answers"
    local fail_s fail_p sqlite_size
    fail_s=$(log_failures "$TMP/sqlite.log"); fail_p=$(log_failures "$TMP/postgres.log")
    local warn_s warn_p
    warn_s=$(log_warnings "$TMP/sqlite.log"); warn_p=$(log_warnings "$TMP/postgres.log")
    sqlite_size=$(du -sh "$TMP/sqlite" | cut -f1)
    [ "$fail_s$fail_p" = 00 ] || log "server logs have failures: SQLite $fail_s, PostgreSQL $fail_p (kept in $RESULTS/)"
    cp "$TMP/sqlite.log" "$TMP/postgres.log" "$TMP/pg/server.log" "$RESULTS/" 2>/dev/null || true
    PG_STATEMENTS=$(psql_q "SELECT '| ' || calls || ' | ' || round(total_exec_time::numeric / $posted_p, 3) || ' | ' || round(mean_exec_time::numeric, 3)
        || ' | \`' || left(regexp_replace(query, '\s+', ' ', 'g'), 150) || '\` |'
        FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '$PG_DB')
        ORDER BY total_exec_time DESC LIMIT 12")

    log "stopping the posting servers and PostgreSQL"
    stop_pid "$SQLITE_PID"; SQLITE_PID=""
    stop_pid "$PG_PARLEY_PID"; PG_PARLEY_PID=""
    stop_cluster

    # Part 2: a post with THREAD_SIZE comments next to one with none.
    local port_t port_a base_t base_a thread_path empty_path thread_id db_t="$TMP/thread/parley.db"
    port_t=$(free_port $((port_p + 1)))
    log "starting Parley on SQLite, 127.0.0.1:$port_t, for the $THREAD_SIZE-comment thread"
    start_parley THREAD_PID "$port_t" "$TMP/thread" "$TMP/thread.log"
    base_t="http://127.0.0.1:$port_t"
    thread_path=$(post_path "$base_t" "$POST_SLUG"); empty_path=$(post_path "$base_t" "$EMPTY_SLUG")
    thread_id=$(sqlite_q "$db_t" "SELECT Id FROM Posts WHERE Slug = '$POST_SLUG'")
    log "posting $THREAD_SIZE comments to $thread_path ($THREAD_REPLIES of them replies) and approving them"
    seed_thread "$base_t$thread_path" "$db_t" "$thread_id"
    stop_pid "$THREAD_PID"; THREAD_PID=""

    # Parley pages long threads (site setting CommentsPerPage: 50 by default, up to 500 in the admin
    # settings), so the post's own address shows the first page. A copy of the data folder set to 500
    # per page shows the whole thread at once, as a site with paging turned up would.
    local per_page=""
    if [ "$(sqlite_q "$db_t" "SELECT count(*) FROM pragma_table_info('SiteSettings') WHERE name = 'CommentsPerPage'")" = 1 ]; then
        per_page=$(sqlite_q "$db_t" "SELECT CommentsPerPage FROM SiteSettings")
        cp -a "$TMP/thread" "$TMP/thread-all"
        sqlite_q "$TMP/thread-all/parley.db" "UPDATE SiteSettings SET CommentsPerPage = $THREAD_SIZE"
        port_a=$(free_port $((port_t + 1)))
        log "starting a copy set to $THREAD_SIZE comments per page on 127.0.0.1:$port_a"
        start_parley ALL_PID "$port_a" "$TMP/thread-all" "$TMP/thread-all.log"
        base_a="http://127.0.0.1:$port_a"
    fi
    log "starting Parley again on the thread's data (a fresh cache after the approval in the file)"
    start_parley THREAD_PID "$port_t" "$TMP/thread" "$TMP/thread.log"

    # The pages to load: name, label for the tables, address, server.
    local -a t_name=() t_label=() t_url=() t_pid=() t_shown=() t_bytes=()
    if [ -n "$per_page" ]; then
        t_name+=(paged); t_label+=("$THREAD_SIZE comments, first page ($per_page threads per page, the default)")
        t_url+=("$base_t$thread_path"); t_pid+=("$THREAD_PID")
        t_name+=(all); t_label+=("$THREAD_SIZE comments, all on one page ($THREAD_SIZE per page)")
        t_url+=("$base_a$thread_path"); t_pid+=("$ALL_PID")
    else
        t_name+=(all); t_label+=("$THREAD_SIZE comments (this version has no paging)")
        t_url+=("$base_t$thread_path"); t_pid+=("$THREAD_PID")
    fi
    t_name+=(none); t_label+=("no comments"); t_url+=("$base_t$empty_path"); t_pid+=("$THREAD_PID")

    local n shown replies
    replies=$(sqlite_q "$db_t" "SELECT count(*) FROM Comments WHERE PostId = $thread_id AND ParentId IS NOT NULL")
    for n in "${!t_name[@]}"; do
        curl -sf --max-time 10 -o "$TMP/page-${t_name[$n]}.html" "${t_url[$n]}" || die "could not GET ${t_url[$n]}"
        shown=$({ grep -oE '<li id="comment-[0-9]+"' "$TMP/page-${t_name[$n]}.html" || true; } | wc -l)
        t_shown+=("$shown"); t_bytes+=("$(wc -c <"$TMP/page-${t_name[$n]}.html")")
        log "${t_label[$n]}: ${t_url[$n]} shows $shown comments in ${t_bytes[$n]} bytes"
        case ${t_name[$n]} in
            all) [ "$shown" = "$THREAD_SIZE" ] || die "the page shows $shown comments, not $THREAD_SIZE" ;;
            paged) [ "$shown" -gt 0 ] && [ "$shown" -lt "$THREAD_SIZE" ] || die "the first page shows $shown comments" ;;
            none) [ "$shown" = 0 ] || die "the comparison page shows $shown comments" ;;
        esac
    done

    log "warming up every page ($WARMUP each)"
    for n in "${!t_name[@]}"; do
        wrk -t2 -c32 -d$WARMUP "${t_url[$n]}" >"$RESULTS/warmup-page-${t_name[$n]}.txt" 2>&1
    done
    for round in $(seq 1 "$ROUNDS"); do
        for n in "${!t_name[@]}"; do
            measure_page "$round" "${t_name[$n]}" "${t_label[$n]}" "${t_url[$n]}" "${t_pid[$n]}"
        done
    done
    local fail_t=0 f
    for f in "$TMP"/thread*.log; do fail_t=$((fail_t + $(log_failures "$f"))); cp "$f" "$RESULTS/"; done

    # Medians.
    local k s c
    declare -A M_CPS M_P50 M_P99
    for s in SQLite PostgreSQL; do
        for c in 1 16; do
            k="$s/$c"
            # shellcheck disable=SC2086 # the lists are space-separated on purpose
            M_CPS[$k]=$(median ${CPS[$k]}); M_P50[$k]=$(median ${P50[$k]}); M_P99[$k]=$(median ${P99[$k]})
        done
    done
    local page_medians="" ratios="" r r_none
    # shellcheck disable=SC2086
    r_none=$(median ${RPS[none]})
    for n in "${!t_name[@]}"; do
        k=${t_name[$n]}
        # shellcheck disable=SC2086
        r=$(median ${RPS[$k]})
        page_medians+="| ${t_label[$n]} | ${t_shown[$n]} | ${t_bytes[$n]} | $r | $(median ${PP50[$k]}) | $(median ${PP99[$k]}) |"$'\n'
        [ "$k" = none ] || ratios+="- ${t_label[$n]}: the page without comments serves $(awk -v a="$r" -v b="$r_none" 'BEGIN { printf "%.2f", b / a }')× as many requests per second"$'\n'
    done

    local section="$TMP/section.md"
    cat >"$section" <<EOF

## Comments, $(date -u '+%Y-%m-%d %H:%M UTC')

- Date: $(date -u)
- Machine: $(machine_line); data on $(df -T "$TMP" | awk 'NR == 2 { print $2 }') ($(df "$TMP" | awk 'NR == 2 { print $1 }'))
- Parley: commit $commit, Release, \`ASPNETCORE_ENVIRONMENT=Production\`, logging at Warning, fresh demo data per server
- Command: \`bench/comments.sh$([ "$FROM_HEAD" = yes ] && echo " --head")\`
- Environment for every Parley: \`${LIMITS[*]}\`; on PostgreSQL also \`Parley__Database__Provider=Postgres\`
  and \`ConnectionStrings__Parley=$pg_conn\`
- PostgreSQL $PG_VERSION, throwaway cluster (initdb, \`-c listen_addresses=127.0.0.1\`, otherwise defaults): $PG_SETTINGS
- SQLite: \`parley.db\` in \`Parley__DataPath\`, WAL, synchronous left at its default

### Posting comments

- Post: \`$path_s\`, after a $WARMUP warm-up with 16 clients per server
- 1 client: \`$WRK_SEQ -s $LUA\`
- 16 clients: \`$WRK_CONC -s $LUA\`
- $ROUNDS rounds, interleaved: SQLite 1, PostgreSQL 1, SQLite 16, PostgreSQL 16
- Path measured: a comment from a known commenter (one approved comment before the rounds), so each is
  published at once: stored, counted on its post, the content version moved and the page cache told

| Round | Database | Clients | Comments/s | p50 ms | p99 ms | Posted (303) | Errors | On post before | Parley CPU | DB CPU | iowait | Other CPU | Load before | Disturbed |
|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|
${POST_ROWS%$'\n'}

| Median of $ROUNDS | Comments/s | p50 ms | p99 ms | Errors (all rounds) |
|---|---:|---:|---:|---:|
| SQLite, 1 client | ${M_CPS[SQLite/1]} | ${M_P50[SQLite/1]} | ${M_P99[SQLite/1]} | ${ERRS[SQLite/1]} |
| SQLite, 16 clients | ${M_CPS[SQLite/16]} | ${M_P50[SQLite/16]} | ${M_P99[SQLite/16]} | ${ERRS[SQLite/16]} |
| PostgreSQL, 1 client | ${M_CPS[PostgreSQL/1]} | ${M_P50[PostgreSQL/1]} | ${M_P99[PostgreSQL/1]} | ${ERRS[PostgreSQL/1]} |
| PostgreSQL, 16 clients | ${M_CPS[PostgreSQL/16]} | ${M_P50[PostgreSQL/16]} | ${M_P99[PostgreSQL/16]} | ${ERRS[PostgreSQL/16]} |

- Check: SQLite stored $stored_s comments on the post for $posted_s 303 answers, PostgreSQL $stored_p
  for $posted_p (warm-up included; a few more rows than 303s are requests still in flight when wrk
  stopped, which the server completed)
- Lines logged at fail/crit level: SQLite $fail_s, PostgreSQL $fail_p; at warn level: SQLite $warn_s,
  PostgreSQL $warn_p
- SQLite data folder afterwards: $sqlite_size

PostgreSQL's statements while posting, by total time (\`pg_stat_statements\`, all rounds; time per stored comment is
the statement's total divided by the 303 answers, so it is what one comment costs the database in that statement):

| Calls | ms per comment | ms per call | Statement |
|---:|---:|---:|---|
$PG_STATEMENTS

### A post page with $THREAD_SIZE comments

- $ROUNDS interleaved rounds of \`$WRK_PAGE\` after a $WARMUP warm-up per page, SQLite
- \`$thread_path\`: $THREAD_SIZE approved comments ($replies of them replies), posted over HTTP,
  approved in the database file, servers restarted before measuring$([ -n "$per_page" ] && printf '%s' "; measured as the site
  serves it (the first page of a paged thread) and on a copy of the site set to $THREAD_SIZE per page")
- \`$empty_path\`: no comments (its sidebar lists recent comments, like every page's)
- *Shown* is how many comments the page's HTML holds; lines logged at fail/crit level: $fail_t

| Round | Page | Req/s | p50 ms | p99 ms | Requests | Errors | Parley CPU | Other CPU | Load before | Disturbed |
|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|
${PAGE_ROWS%$'\n'}

| Median of $ROUNDS | Shown | Bytes | Req/s | p50 ms | p99 ms |
|---|---:|---:|---:|---:|---:|
${page_medians%$'\n'}

${ratios%$'\n'}
EOF

    grep -q '^## How to read the comment sections' "$DOC" 2>/dev/null || how_to_read >>"$DOC"
    cat "$section" >>"$DOC"
    cat "$section"
    log "appended to $DOC; raw wrk output and server logs in $RESULTS/"
}

main "$@"
