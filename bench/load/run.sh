#!/usr/bin/env bash
# Load benchmark (issue 14, part 1): the demo site in Release against the physical limit — bench/Liaison.Limit, a
# minimal Kestrel app serving the very same bytes from memory — with wrk at 32 connections, measured in the same run.
# Usage: bench/load/run.sh [sqlite|postgres] [seconds per measurement, default 15]
# Run it alone on the machine (no build, test or other benchmark). Prints a Markdown table for bench/RESULTS.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
provider=${1:-sqlite}
seconds=${2:-15}
work=/tmp/liaison-bench-load
site_port=5081
limit_port=5082

need=(); command -v wrk >/dev/null || need+=(wrk); command -v bc >/dev/null || need+=(bc)
[ ${#need[@]} -eq 0 ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null; }
rm -rf "$work" && mkdir -p "$work/captured" "$work/appdata"
echo "publishing (Release) …" >&2
dotnet publish -c Release -r linux-x64 --self-contained false -o "$work/site" "$root/src/LiaisonSite" >/dev/null # as the README deploys it
dotnet publish -c Release -o "$work/limit" "$root/bench/Liaison.Limit" >/dev/null

export ASPNETCORE_ENVIRONMENT=Production Liaison__AppData="$work/appdata"
export Liaison__Setup__SiteName=基准学校党委 Liaison__Setup__AdminUserName=admin Liaison__Setup__AdminEmail=admin@example.edu.cn
export Liaison__Setup__AdminPassword=Admin-pass-2026 Liaison__Setup__DemoPassword=Demo-pass-2026 Liaison__Setup__Recipe=liaison-demo
if [ "$provider" = postgres ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  pg_lsclusters -h | grep -q "^$version main" || pg_createcluster "$version" main >/dev/null
  pg_ctlcluster "$version" main start 2>/dev/null || true
  for _ in $(seq 1 30); do su postgres -c "pg_isready -q" && break; sleep 1; done
  su postgres -c "psql -qc \"DROP DATABASE IF EXISTS liaison_bench WITH (FORCE)\"" >/dev/null
  su postgres -c "psql -qc \"DO \\\$\\\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='liaison_bench') THEN CREATE ROLE liaison_bench LOGIN CREATEDB PASSWORD 'liaison_bench'; END IF; END\\\$\\\$;\"" >/dev/null
  su postgres -c "psql -qc \"CREATE DATABASE liaison_bench OWNER liaison_bench\"" >/dev/null
  export Liaison__Database__Provider=Postgres
  export Liaison__Database__ConnectionString="Host=127.0.0.1;Database=liaison_bench;Username=liaison_bench;Password=liaison_bench"
fi

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

start_site() { # $@: extra arguments; sets site_pid
  (cd "$work/site" && exec dotnet LiaisonSite.dll --urls "http://127.0.0.1:$site_port" "$@" >"$work/site.log" 2>&1) &
  site_pid=$!; pids+=("$site_pid")
}
wait_ok() { for _ in $(seq 1 600); do curl -fso /dev/null "http://127.0.0.1:$site_port$1" && return 0; sleep 0.1; done; echo "site did not answer $1" >&2; exit 1; }

echo "setting up the demo site ($provider) …" >&2
start_site; wait_ok /health; kill "$site_pid"; wait "$site_pid" 2>/dev/null || true

# A set-up site's first answer after start (process start to the first 200 of /).
t0=$(date +%s.%N); start_site; wait_ok /; t1=$(date +%s.%N)
first=$(echo "$t1 - $t0" | bc)

story=$(curl -fs "http://127.0.0.1:$site_port/examples" | grep -o 'href="/typical-examples/[^"]*"' | head -1 | cut -d'"' -f2 || true)
[ -n "$story" ] || { echo "no story link found on /examples" >&2; exit 1; }
paths=(/ /examples "$story" /notices "/search?q=%E8%B0%88%E5%BF%83")
: >"$work/captured/index.tsv"
i=0
for p in "${paths[@]}"; do
  i=$((i+1))
  type=$(curl -fs -o "$work/captured/$i.body" -w '%{content_type}' "http://127.0.0.1:$site_port$p")
  printf '%s\t%s\t%s\n' "$p" "$i.body" "$type" >>"$work/captured/index.tsv"
done
(cd "$work/limit" && exec dotnet Liaison.Limit.dll "$work/captured" "http://127.0.0.1:$limit_port" >"$work/limit.log" 2>&1) &
pids+=($!)
for _ in $(seq 1 100); do curl -fso /dev/null "http://127.0.0.1:$limit_port/" && break; sleep 0.1; done

ticks() { # CPU time (clock ticks) used so far by the site ($1 = site) or by every PostgreSQL process ($1 = db)
  if [ "$1" = site ]; then sed 's/.*) //' "/proc/$site_pid/stat" | awk '{print $12 + $13}'
  else for p in $(pgrep -u postgres 2>/dev/null || true); do { sed 's/.*) //' "/proc/$p/stat" 2>/dev/null || true; } | awk '{print $12 + $13}'; done | awk '{s += $1} END {print s + 0}'; fi
}
measure() { # $1 port, $2 path → "req/s p99ms non2xx"
  local out; out=$(wrk -t2 -c32 -d"${seconds}s" --latency "http://127.0.0.1:$1$2")
  local rps p99 bad
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}')
  bad=$(echo "$out" | awk '/Non-2xx/ {print $5}'); echo "$rps ${p99:-?} ${bad:-0}"
}
row() { # $1 label, $2 path, $3 goal percent
  read -r lr lp _ < <(measure $limit_port "$2")
  read -r sr sp sb < <(measure $site_port "$2")
  pct=$(echo "scale=1; 100 * $sr / $lr" | bc)
  echo "| $1 | $2 | $(printf %.0f "$lr") ($lp ms) | $(printf %.0f "$sr") | $sp ms | $sb | **$pct %** | ≥ $3 % |"
}

# A fresh process re-compiles its hot code in the background for about its first minute (tiered compilation), and on
# two cores that shows as latency: on 2026-12-02 one 15 s window in four within that minute had a p99 of 29–40 ms
# (max 200 ms) on a cached page whose p99 is 3 ms after it. Each page is served for $warm_cached s in turn first, so
# that the table measures the running site, as the uncached story's second row does.
warm_cached=${WARM_CACHED:-12}
for p in "${paths[@]}"; do wrk -t2 -c32 -d"${warm_cached}s" "http://127.0.0.1:$site_port$p" >/dev/null; done

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); nproc $(nproc); provider $provider; wrk -t2 -c32 -d${seconds}s"
echo
echo "| page | path | limit req/s (p99) | site req/s | site p99 | non-2xx | site / limit | goal |"
echo "|---|---|---|---|---|---|---|---|"
for p in / /examples "$story" /notices; do
  measure $site_port "$p" >/dev/null # warm
  row "cached" "$p" 50
done
row "search" "/search?q=%E8%B0%88%E5%BF%83" 10
rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$site_pid/status)
kill "$site_pid"; wait "$site_pid" 2>/dev/null || true

# An uncached rendering runs code that a fresh process has not yet optimised: .NET re-compiles hot methods in the
# background (tiered compilation) and on two cores under load that takes about a minute (2026-12-02: the tiering
# thread used 9 s of CPU, and the story's rate doubled between the first and the sixth 10 s). Both are shown: the
# first measurement after a 10 s warm-up, and the steady rate after $warm_up s more of load.
warm_up=${WARM_UP:-60}
start_site --Liaison:OutputCache:Enabled=false; wait_ok /
measure $site_port "$story" >/dev/null
row "story, output cache off, fragments on (10 s after start)" "$story" 20
wrk -t2 -c32 -d"${warm_up}s" "http://127.0.0.1:$site_port$story" >/dev/null
s0=$(ticks site); d0=$(ticks db)
row "story, output cache off, fragments on (after ${warm_up} s more)" "$story" 20 # sets sr, the site's req/s
s1=$(ticks site); d1=$(ticks db); hz=$(getconf CLK_TCK)
echo
echo "CPU per uncached story (the last row; the limit's run in between counted too): site $(echo "scale=2; ($s1 - $s0) * 1000 / $hz / ($sr * $seconds)" | bc) ms, every PostgreSQL process $(echo "scale=2; ($d1 - $d0) * 1000 / $hz / ($sr * $seconds)" | bc) ms."
kill "$site_pid"; wait "$site_pid" 2>/dev/null || true

# The same story rendered in full on every request: output cache and fragment cache (Liaison:FragmentCache) both off.
start_site --Liaison:OutputCache:Enabled=false --Liaison:FragmentCache:Enabled=false; wait_ok /
measure $site_port "$story" >/dev/null
wrk -t2 -c32 -d"${warm_up}s" "http://127.0.0.1:$site_port$story" >/dev/null
s0=$(ticks site); d0=$(ticks db)
row "story, output cache and fragments off (after ${warm_up} s)" "$story" 20
s1=$(ticks site); d1=$(ticks db)
echo
echo "CPU per story rendered in full (the last row): site $(echo "scale=2; ($s1 - $s0) * 1000 / $hz / ($sr * $seconds)" | bc) ms, every PostgreSQL process $(echo "scale=2; ($d1 - $d0) * 1000 / $hz / ($sr * $seconds)" | bc) ms."
echo "Resident memory of the site after the cached load: $rss MB (goal ≤ 250). First answer after start of a set-up site: ${first} s (goal ≤ 2)."
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
