#!/usr/bin/env bash
# Backup and restore (issue 14, part 6), exactly as README's "Backup and restore" says: a running demo site is backed
# up online (SQLite: sqlite3 ".backup", the online backup API; PostgreSQL: pg_dump -Fc), with its media folder and its
# key-ring certificate; the backup is restored into a fresh site (a new App_Data; pg_restore into a new database) and
# the two are compared: every content item (/api/content as admin), the media files served, a member's phone number
# decrypted (readable only with the same data-protection keys) and the search results (the restored node rebuilds
# its index). On SQLite and on PostgreSQL (its own cluster on 127.0.0.1:5097 in /tmp/liaison-backup).
# Usage: bench/backup/run.sh [sqlite|postgres|both, default both]   Last line "backup: ok" or "backup: FAILED …".
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
which=${1:-both}
work=${LIAISON_BACKUP_WORK:-/tmp/liaison-backup}
port_one=5098 port_two=5099 pg_port=5097

fail() { echo "backup: FAILED $*"; exit 1; }
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

# LIAISON_BACKUP_PUBLISHED=/path runs an already published site instead (to repeat without publishing).
site=${LIAISON_BACKUP_PUBLISHED:-$work/site}
if [ -z "${LIAISON_BACKUP_PUBLISHED:-}" ]; then
  echo "publishing (Release) …" >&2
  dotnet publish -c Release -o "$site" "$root/src/LiaisonSite" >"$work/publish.log" 2>&1 || fail "dotnet publish (see $work/publish.log)"
fi

start_site() { # $1 log name, $2 port, then NAME=value…; sets site_pid
  local name=$1 port=$2; shift 2
  (cd "$site" && exec env ASPNETCORE_ENVIRONMENT=Production "$@" dotnet LiaisonSite.dll --urls "http://127.0.0.1:$port" >>"$work/$name.log" 2>&1) &
  site_pid=$!; pids+=("$site_pid")
  for _ in $(seq 1 900); do curl -fso /dev/null "http://127.0.0.1:$port/health" && return 0; sleep 0.2; done
  fail "$name: the site did not answer /health"
}
setup=(Liaison__Setup__SiteName=备份测试学校党委 Liaison__Setup__AdminUserName=admin Liaison__Setup__AdminEmail=admin@example.edu.cn
       Liaison__Setup__AdminPassword=Admin-pass-2026 Liaison__Setup__DemoPassword=Demo-pass-2026 Liaison__Setup__Recipe=liaison-demo)
compare() { python3 "$root/bench/backup/compare.py" "$@"; }

for provider in sqlite postgres; do
  [ "$which" = both ] || [ "$which" = "$provider" ] || continue
  one="$work/$provider-one" two="$work/$provider-two" backup="$work/$provider-backup"
  mkdir -p "$one" "$two" "$backup"
  db_one=() db_two=()
  if [ "$provider" = postgres ]; then
    if [ ! -d "$work/pg/data" ]; then
      mkdir -p "$work/pg"; [ "$(id -u)" -eq 0 ] && chown postgres: "$work/pg"
      as_pg "$pg_bin/initdb" -D "$work/pg/data" -U liaison --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
      as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $work/pg" start >/dev/null
    fi
    pg=(-h 127.0.0.1 -p "$pg_port" -U liaison)
    createdb "${pg[@]}" liaison_one
    db_one=(Liaison__Database__Provider=Postgres "Liaison__Database__ConnectionString=Host=127.0.0.1;Port=$pg_port;Database=liaison_one;Username=liaison;Password=liaison")
    db_two=(Liaison__Database__Provider=Postgres "Liaison__Database__ConnectionString=Host=127.0.0.1;Port=$pg_port;Database=liaison_two;Username=liaison;Password=liaison")
  fi

  echo "$provider: setting up the demo site …" >&2
  start_site "$provider-one" "$port_one" "Liaison__AppData=$one" "${db_one[@]}" "${setup[@]}"
  compare publish "http://127.0.0.1:$port_one" || fail "$provider: publishing before the backup"

  # The backup, taken while the site runs (README, "Backup and restore"). The demo's workflows still act after setup
  # (an approved news item is published a little later), so the original is compared with itself around the backup
  # and the backup taken again until nothing changed meanwhile: the restored site is compared with that state.
  for attempt in 1 2 3 4 5; do
    compare snapshot "http://127.0.0.1:$port_one" "$work/$provider-one.json" >/dev/null || fail "$provider: snapshot of the original"
    rm -f "$backup"/*
    if [ "$provider" = postgres ]; then
      pg_dump "${pg[@]}" -Fc -d liaison_one -f "$backup/liaison.dump"
    else
      sqlite3 "$one/liaison.db" ".backup '$backup/liaison.db'"
    fi
    tar -C "$one/Media" -czf "$backup/media.tar.gz" .
    cp "$one/DataProtection/keyring.pfx" "$backup/keyring.pfx"
    before=$(compare snapshot "http://127.0.0.1:$port_one" "$work/$provider-one-after.json") || fail "$provider: snapshot of the original: $before"
    compare same "$work/$provider-one.json" "$work/$provider-one-after.json" >/dev/null && break
    [ "$attempt" -lt 5 ] || fail "$provider: the original kept changing during the backup"
    echo "$provider: the original changed during backup $attempt (its workflows still running); again" >&2
    sleep 5
  done
  kill "$site_pid"; wait "$site_pid" 2>/dev/null || true

  # The restore into a fresh site: a new App_Data, a new database; the certificate where the new site reads it.
  if [ "$provider" = postgres ]; then
    createdb "${pg[@]}" liaison_two
    pg_restore "${pg[@]}" --no-owner -d liaison_two "$backup/liaison.dump"
  else
    cp "$backup/liaison.db" "$two/liaison.db"
  fi
  mkdir -p "$two/Media" && tar -C "$two/Media" -xzf "$backup/media.tar.gz"
  install -D -m 600 "$backup/keyring.pfx" "$two/DataProtection/keyring.pfx"
  start_site "$provider-two" "$port_two" "Liaison__AppData=$two" "${db_two[@]}"
  after=$(compare snapshot "http://127.0.0.1:$port_two" "$work/$provider-two.json") || fail "$provider: snapshot of the restored site: $after"
  kill "$site_pid"; wait "$site_pid" 2>/dev/null || true
  compare same "$work/$provider-one.json" "$work/$provider-two.json" || fail "$provider: the restored site differs from the original"
  echo "ok: $provider — original: $before; restored: $after (backup $(du -sh "$backup" | cut -f1))"

  if [ "$provider" = sqlite ]; then
    # The control: the same database restored without the certificate. The site must refuse to start (its keys
    # cannot be decrypted) rather than run with cookies and phone numbers it cannot read.
    mkdir -p "$work/sqlite-nocert" && cp "$backup/liaison.db" "$work/sqlite-nocert/liaison.db"
    if (cd "$site" && timeout 300 env ASPNETCORE_ENVIRONMENT=Production "Liaison__AppData=$work/sqlite-nocert" \
          dotnet LiaisonSite.dll --urls "http://127.0.0.1:$port_two" >"$work/sqlite-nocert.log" 2>&1); then
      fail "sqlite: restored without the certificate, the site started"
    fi
    grep -q "encrypted with another certificate" "$work/sqlite-nocert.log" \
      || fail "sqlite: restored without the certificate, the site stopped without saying why (see $work/sqlite-nocert.log)"
    echo "ok: sqlite — restored without the certificate, the site refuses to start: key ring \"encrypted with another certificate\""
  fi
done
echo "backup: ok (content, media, decrypted phone numbers and search identical after restore into a fresh site)"
