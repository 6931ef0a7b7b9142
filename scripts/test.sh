#!/usr/bin/env bash
# Runs every test of LiaisonSite on a fresh Debian machine: installs what the tests need when it is missing
# (Chromium and CJK fonts for the browser tests, PostgreSQL and Redis for the database and multi-node tests, aiosmtpd
# for the mail tests),
# then dotnet test.
# Ends with "N passed, N failed" and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
# The mail tests send through a real local SMTP server (Debian's aiosmtpd, run with the system Python).
/usr/bin/python3 -c "import aiosmtpd" >/dev/null 2>&1 || need+=(python3-aiosmtpd)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing ${need[*]} …"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null \
      || { echo "apt-get install ${need[*]} failed"; echo "0 passed, 1 failed"; exit 1; }
  else
    echo "Missing ${need[*]}: install them (apt-get install -y ${need[*]}) or run as root."
  fi
fi

# PostgreSQL for the tests that run the site on it: a local cluster, a throw-away role and database.
if [ -z "${LIAISON_TEST_POSTGRES:-}" ] && command -v pg_ctlcluster >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  pg_lsclusters -h | grep -q "^$version main" || pg_createcluster "$version" main >/dev/null
  pg_ctlcluster "$version" main start 2>/dev/null || true
  for _ in $(seq 1 30); do su postgres -c "pg_isready -q" && break; sleep 1; done
  su postgres -c "psql -qc \"DO \\\$\\\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='liaison_test') THEN CREATE ROLE liaison_test LOGIN SUPERUSER PASSWORD 'liaison_test'; END IF; END\\\$\\\$;\"" >/dev/null
  port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')
  export LIAISON_TEST_POSTGRES="Host=127.0.0.1;Port=${port:-5432};Username=liaison_test;Password=liaison_test"
fi

# Redis for the tests of two web nodes sharing keys and the output cache.
if [ -z "${LIAISON_TEST_REDIS:-}" ] && command -v redis-server >/dev/null 2>&1; then
  redis-cli -p 6379 ping >/dev/null 2>&1 || redis-server --port 6379 --bind 127.0.0.1 --save "" --appendonly no --daemonize yes >/dev/null
  for _ in $(seq 1 20); do redis-cli -p 6379 ping >/dev/null 2>&1 && break; sleep 0.5; done
  export LIAISON_TEST_REDIS="127.0.0.1:6379"
fi

log=$(mktemp)
dotnet test --project tests/LiaisonSite.Tests "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
if [ -z "$passed" ]; then
  # The run did not get as far as a summary (build error): count that as a failure.
  passed=0
  failed=${failed:-1}
fi
[ "$status" -ne 0 ] && [ "${failed:-0}" -eq 0 ] && failed=1
echo "${passed} passed, ${failed:-0} failed"
exit "$status"
