#!/usr/bin/env bash
# Scale-out, tested (issue 14, part 4): two web nodes of the site in Release on one PostgreSQL and one Redis, behind
# nginx, all on loopback, and the checks of a multi-machine deployment (bench/scale/checks.py):
#   an item published through node A is served by node B within 2 s and found by B's search within 5 s;
#   a user signed in through A posts a form through B; a settings change on A is seen by B within 2 s;
#   a background job runs exactly once across both nodes;
#   node A killed (SIGKILL) under load: nginx keeps serving from B and no acknowledged submission is lost.
# Installs what it needs (apt: postgresql, redis-server, nginx, wrk), runs its own PostgreSQL cluster, Redis and
# nginx on their own ports in a temporary folder (a system PostgreSQL or Redis is left alone), stops everything it
# started, and prints a last line "scale: ok" — or "scale: FAILED …" and exits non-zero.
# Usage: bench/scale/run.sh   (as root on a fresh Debian machine with the .NET SDK; ports 5090-5094 free; about 3 minutes)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/bench/scale"
work=${LIAISON_SCALE_WORK:-/tmp/liaison-scale}
nginx_port=5090 a_port=5091 b_port=5092 pg_port=5093 redis_port=5094

fail() { echo "scale: FAILED $*"; exit 1; }

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null || need+=(redis-server)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx)
command -v wrk >/dev/null || need+=(wrk)
command -v curl >/dev/null || need+=(curl)
command -v python3 >/dev/null || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} …" >&2
  # Debian starts a freshly installed service by default; the script runs its own instances, so keep them stopped.
  apt-get update -qq >/dev/null && RUNLEVEL=1 DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null \
    || fail "apt-get install ${need[*]}"
fi
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

pids=()
cleanup() {
  # The nodes first, while their database is still there: a node stopping without it retried its scheduler's
  # check-in and did not exit (2026-12-02). Whatever has not stopped after 15 s is killed.
  local p i alive
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for i in $(seq 1 150); do
    alive=0; for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ "$alive" -eq 0 ] && break; sleep 0.1
  done
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  [ -f "$work/pg/data/postmaster.pid" ] && as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
}
trap cleanup EXIT
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

[ -f "$work/pg/data/postmaster.pid" ] && as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true
rm -rf "$work" && mkdir -p "$work/pg" "$work/nginx" "$work/media" "$work/node-a" "$work/node-b"
[ "$(id -u)" -eq 0 ] && chown postgres: "$work/pg"

# PostgreSQL: a cluster of its own on 127.0.0.1:$pg_port, trusting loopback, with one database for the site.
as_pg "$pg_bin/initdb" -D "$work/pg/data" -U liaison --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w \
  -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $work/pg -c fsync=on -c synchronous_commit=on" start >/dev/null
as_pg "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U liaison liaison_scale
psql_cmd="psql -h 127.0.0.1 -p $pg_port -U liaison -d liaison_scale -Atq"

# Redis: its own instance on 127.0.0.1:$redis_port (shared output cache and the nodes' change signal).
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --daemonize no >"$work/redis.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done

# LIAISON_SCALE_PUBLISHED=/path runs an already published site instead (to repeat the checks without publishing).
site=${LIAISON_SCALE_PUBLISHED:-$work/site}
if [ -z "${LIAISON_SCALE_PUBLISHED:-}" ]; then
  echo "publishing (Release) …" >&2
  dotnet publish -c Release -o "$site" "$root/src/LiaisonSite" >"$work/publish.log" 2>&1 || fail "dotnet publish (see $work/publish.log)"
fi

# The environment of a node, as README's systemd unit reads it from /etc/liaison/liaison.env (plus the node's name).
write_env() { # $1 node name, $2 file
  cat >"$2" <<ENV
ASPNETCORE_ENVIRONMENT=Production
Liaison__NodeName=$1
Liaison__AppData=$work/$1
Liaison__Database__Provider=Postgres
Liaison__Database__ConnectionString=Host=127.0.0.1;Port=$pg_port;Database=liaison_scale;Username=liaison;Password=liaison
Liaison__Redis__Configuration=127.0.0.1:$redis_port
Liaison__Redis__InstanceName=liaison-scale:
Liaison__Media__Path=$work/media
Liaison__DataProtection__CertificatePath=$work/keyring.pfx
Liaison__ForwardedHeaders__KnownProxies=127.0.0.1
Liaison__Jobs__Notices.Close__Every=00:00:02
Liaison__Notices__ObjectionsPerWindow=100000
Liaison__Notices__ObjectionsPerAddressPerWindow=100000
Liaison__SignIn__AttemptsPerWindow=1000
ENV
}
# Like systemd's EnvironmentFile= (not shell syntax: a connection string's ";" and a job name's "." stay as they are).
start_node() { # $1 node name, $2 port, then extra NAME=value; sets node_pid
  local name=$1 port=$2 vars; shift 2
  mapfile -t vars < <(grep -v '^#' "$work/$name.env")
  (cd "$site" && exec env "${vars[@]}" "$@" dotnet LiaisonSite.dll --urls "http://127.0.0.1:$port" >>"$work/$name.log" 2>&1) &
  node_pid=$!; pids+=("$node_pid")
}
wait_ok() { # $1 url, $2 what
  for _ in $(seq 1 900); do curl -fso /dev/null "$1" && return 0; sleep 0.2; done
  fail "$2 did not answer $1"
}

# Set up once, from node A alone: migrations, the demo recipe, and the key-ring certificate it writes. The
# certificate then goes where both nodes read it (in production: the same secret file on every machine).
write_env node-a "$work/node-a.env"
write_env node-b "$work/node-b.env"
sed -i '/CertificatePath/d' "$work/node-a.env"
echo "setting up the demo site on PostgreSQL …" >&2
start_node node-a "$a_port" Liaison__Setup__SiteName=规模测试学校党委 Liaison__Setup__AdminUserName=admin \
  Liaison__Setup__AdminEmail=admin@example.edu.cn Liaison__Setup__AdminPassword=Admin-pass-2026 \
  Liaison__Setup__DemoPassword=Demo-pass-2026 Liaison__Setup__Recipe=liaison-demo
setup_pid=$node_pid
wait_ok "http://127.0.0.1:$a_port/health" "the setup node"
kill "$setup_pid"; wait "$setup_pid" 2>/dev/null || true
cp "$work/node-a/DataProtection/keyring.pfx" "$work/keyring.pfx" || fail "setup wrote no key-ring certificate"
chmod 600 "$work/keyring.pfx"
write_env node-a "$work/node-a.env"

start_node node-a "$a_port"; a_pid=$node_pid
start_node node-b "$b_port"; b_pid=$node_pid
wait_ok "http://127.0.0.1:$a_port/health" "node A"
wait_ok "http://127.0.0.1:$b_port/health" "node B"

# nginx: README's conf.d file, from the same template, inside a minimal main configuration of its own.
sed -e "s/@NODE_A@/127.0.0.1:$a_port/" -e "s/@NODE_B@/127.0.0.1:$b_port/" -e "s/@LISTEN@/127.0.0.1:$nginx_port/" \
  "$here/liaison.nginx.conf" >"$work/nginx/liaison.conf"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log $work/nginx/access.log;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    include $work/nginx/liaison.conf;
}
CONF
"$nginx_bin" -t -p "$work/nginx" -c "$work/nginx/nginx.conf" >/dev/null 2>&1 || fail "nginx -t: $("$nginx_bin" -t -p "$work/nginx" -c "$work/nginx/nginx.conf" 2>&1 | tail -1)"
"$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)
wait_ok "http://127.0.0.1:$nginx_port/health" "nginx"

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); nproc $(nproc)"
status=0
NGINX="http://127.0.0.1:$nginx_port" NODE_A="http://127.0.0.1:$a_port" NODE_B="http://127.0.0.1:$b_port" \
  NODE_A_PID="$a_pid" NODE_B_PID="$b_pid" PSQL="$psql_cmd" ADMIN_PASSWORD=Admin-pass-2026 DEMO_PASSWORD=Demo-pass-2026 \
  python3 "$here/checks.py" || status=$?
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$status" -eq 0 ] || fail "(a check above failed; logs in $work)"
echo "scale: ok (two nodes on PostgreSQL + Redis behind nginx; $(date -u +%Y-%m-%dT%H:%MZ))"
