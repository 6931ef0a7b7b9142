#!/usr/bin/env bash
# Crash safety (issue 14, part 5): a stream of public objections at one node of the site in Release, the node
# SIGKILLed mid-stream, restarted, and every objection it had acknowledged (302 to the receipt page, sent only after
# the commit) looked up in the database — on SQLite (WAL) and on PostgreSQL, several kills each.
# Usage: bench/crash/run.sh [sqlite|postgres|both, default both] [kills per provider, default 3]
# As root on Debian with the .NET SDK (installs postgresql and sqlite3 when missing); runs its own PostgreSQL cluster
# on 127.0.0.1:5095 in /tmp/liaison-crash and stops everything it started. Last line "crash: ok" or "crash: FAILED …".
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
which=${1:-both}
kills=${2:-3}
work=${LIAISON_CRASH_WORK:-/tmp/liaison-crash}
port=5096 pg_port=5095

fail() { echo "crash: FAILED $*"; exit 1; }
need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v sqlite3 >/dev/null || need+=(sqlite3)
command -v curl >/dev/null || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq >/dev/null && RUNLEVEL=1 DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null \
    || fail "apt-get install ${need[*]}"
fi
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  [ -f "$work/pg/data/postmaster.pid" ] && as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
[ -f "$work/pg/data/postmaster.pid" ] && as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true
rm -rf "$work" && mkdir -p "$work"

# LIAISON_CRASH_PUBLISHED=/path runs an already published site instead (to repeat without publishing).
site=${LIAISON_CRASH_PUBLISHED:-$work/site}
if [ -z "${LIAISON_CRASH_PUBLISHED:-}" ]; then
  echo "publishing (Release) …" >&2
  dotnet publish -c Release -o "$site" "$root/src/LiaisonSite" >"$work/publish.log" 2>&1 || fail "dotnet publish (see $work/publish.log)"
fi

start_site() { # $1 provider; sets site_pid
  (cd "$site" && exec env "${env[@]}" dotnet LiaisonSite.dll --urls "http://127.0.0.1:$port" >>"$work/$1.log" 2>&1) &
  site_pid=$!; pids+=("$site_pid")
  for _ in $(seq 1 900); do curl -fso /dev/null "http://127.0.0.1:$port/health" && return 0; sleep 0.2; done
  fail "$1: the site did not answer /health"
}

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); nproc $(nproc); 4 submitting clients, SIGKILL after 6 s"
echo
echo "| provider | kill | acknowledged | failed in flight | found after restart | lost |"
echo "|---|---|---|---|---|---|"
total_lost=0
for provider in sqlite postgres; do
  [ "$which" = both ] || [ "$which" = "$provider" ] || continue
  env=(ASPNETCORE_ENVIRONMENT=Production "Liaison__AppData=$work/$provider"
       Liaison__Notices__ObjectionsPerWindow=100000 Liaison__Notices__ObjectionsPerAddressPerWindow=100000)
  if [ "$provider" = postgres ]; then
    mkdir -p "$work/pg"; [ "$(id -u)" -eq 0 ] && chown postgres: "$work/pg"
    as_pg "$pg_bin/initdb" -D "$work/pg/data" -U liaison --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w \
      -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $work/pg" start >/dev/null
    as_pg "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U liaison liaison_crash
    env+=(Liaison__Database__Provider=Postgres
          "Liaison__Database__ConnectionString=Host=127.0.0.1;Port=$pg_port;Database=liaison_crash;Username=liaison;Password=liaison")
    query() { psql -h 127.0.0.1 -p "$pg_port" -U liaison -d liaison_crash -Atq -c "SELECT \"Text\" FROM \"Objections\""; }
  else
    query() { sqlite3 "$work/sqlite/liaison.db" "SELECT Text FROM Objections"; }
  fi
  setup=(Liaison__Setup__SiteName=崩溃测试学校党委 Liaison__Setup__AdminUserName=admin Liaison__Setup__AdminEmail=admin@example.edu.cn
         Liaison__Setup__AdminPassword=Admin-pass-2026 Liaison__Setup__DemoPassword=Demo-pass-2026 Liaison__Setup__Recipe=liaison-demo)
  env+=("${setup[@]}")
  start_site "$provider"
  for k in $(seq 1 "$kills"); do
    summary=$(python3 "$root/bench/crash/stream.py" "http://127.0.0.1:$port" "$site_pid" 6 "$work/acknowledged-$provider-$k.txt") \
      || fail "$provider kill $k: $summary"
    wait "$site_pid" 2>/dev/null || true
    start_site "$provider" # restart: recovery (WAL replay) happens here
    query | sort >"$work/stored-$provider-$k.txt"
    acknowledged=$(wc -l <"$work/acknowledged-$provider-$k.txt")
    sort "$work/acknowledged-$provider-$k.txt" >"$work/acknowledged-sorted.txt"
    lost=$(comm -23 "$work/acknowledged-sorted.txt" "$work/stored-$provider-$k.txt" | wc -l)
    found=$((acknowledged - lost)); total_lost=$((total_lost + lost))
    failed=$(echo "$summary" | awk '{print $4}')
    echo "| $provider | $k | $acknowledged | $failed | $found | **$lost** |"
  done
  kill "$site_pid"; wait "$site_pid" 2>/dev/null || true
done
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$total_lost" -eq 0 ] || fail "$total_lost acknowledged objections were lost"
echo "crash: ok (every acknowledged objection was in the database after each SIGKILL and restart)"
