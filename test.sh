#!/usr/bin/env bash
# Runs every Parley test on a fresh machine: installs what the tests need (as root), starts a
# throwaway PostgreSQL and Redis on loopback, builds once, runs all test projects, stops what it started even
# when tests fail, and ends with one line: "N passed, N failed" (", N skipped" when any were skipped).
set -uo pipefail
cd "$(dirname "$0")"

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
command -v redis-server >/dev/null || need+=(redis-server)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing ${need[*]} (needed by the tests)..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${need[@]}" >/dev/null \
      || { echo "Could not install ${need[*]}."; exit 1; }
  else
    echo "The tests need: ${need[*]}. Install them with: sudo apt-get install ${need[*]}"
    exit 1
  fi
fi

work=$(mktemp -d /tmp/parley-test.XXXXXX)
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [ -f "$work/data/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1
  [ -f "$work/redis.pid" ] && kill "$(cat "$work/redis.pid")" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[ "$(id -u)" -eq 0 ] && chown postgres: "$work"
as_pg "$PGBIN/initdb" -D "$work/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log"; echo "0 passed, 1 failed"; exit 1; }
port=""
for candidate in $(seq 55432 55452); do
  # Test clusters trade durability for speed; nothing here outlives the run.
  if as_pg "$PGBIN/pg_ctl" -D "$work/data" -l "$work/pg.log" -w -t 30 \
       -o "-c listen_addresses=127.0.0.1 -p $candidate -k $work -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
       start >/dev/null 2>&1; then
    port=$candidate; break
  fi
done
[ -n "$port" ] || { cat "$work/pg.log"; echo "Could not start PostgreSQL."; echo "0 passed, 1 failed"; exit 1; }
export PARLEY_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Maximum Pool Size=50"

# Redis for the tests of several Parley processes serving one site; in memory only, nothing saved.
redis_port=""
for candidate in $(seq 56380 56400); do
  redis-server --port "$candidate" --bind 127.0.0.1 --save '' --appendonly no --dir "$work" --logfile "$work/redis.log" &
  echo $! >"$work/redis.pid"
  for _ in $(seq 1 50); do
    # The server answering must be this one: another may hold the port.
    if redis-cli -p "$candidate" info server 2>/dev/null | tr -d '\r' | grep -qx "process_id:$(cat "$work/redis.pid")"; then
      redis_port=$candidate; break
    fi
    kill -0 "$(cat "$work/redis.pid")" 2>/dev/null || break
    sleep 0.1
  done
  [ -n "$redis_port" ] && break
  kill "$(cat "$work/redis.pid")" 2>/dev/null; rm -f "$work/redis.pid"
done
[ -n "$redis_port" ] || { cat "$work/redis.log" 2>/dev/null; echo "Could not start Redis."; echo "0 passed, 1 failed"; exit 1; }
export PARLEY_TEST_REDIS="127.0.0.1:$redis_port"
# Test hosts need not watch their appsettings: each watcher costs an inotify instance, and a machine allows 128.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_hostBuilder__reloadConfigOnChange=false

if ! dotnet build Parley.slnx -c Debug -v quiet -nologo >"$work/build.log" 2>&1; then
  grep -E "error|Error" "$work/build.log" | sort -u | head -n 40
  echo "0 passed, 1 failed"
  exit 1
fi

rm -rf TestResults/e2e
dotnet test --solution Parley.slnx -c Debug --no-build 2>&1 | tee "$work/test.log"
status=${PIPESTATUS[0]}

# The platform prints a summary block; turn it into the one line CI reads.
total=$(awk '/^ *total:/ {print $2}' "$work/test.log" | tail -n 1)
failed=$(awk '/^ *failed:/ {print $2}' "$work/test.log" | tail -n 1)
passed=$(awk '/^ *succeeded:/ {print $2}' "$work/test.log" | tail -n 1)
skipped=$(awk '/^ *skipped:/ {print $2}' "$work/test.log" | tail -n 1)
passed=${passed:-0}; failed=${failed:-0}; skipped=${skipped:-0}
if [ -z "${total:-}" ] || [ "$total" = 0 ]; then failed=$((failed + 1)); status=1; fi
[ "$status" -ne 0 ] && [ "$failed" = 0 ] && failed=1
line="$passed passed, $failed failed"
[ "$skipped" != 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$status" -eq 0 ] && [ "$failed" = 0 ]
