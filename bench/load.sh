#!/usr/bin/env bash
# The province-scale load test of issue 9: a PostgreSQL 15 server (Debian's, started here as the postgres user),
# the application on it, bench/province.sql filling it to a province's scale, then wrk with 50 users each waiting
# 1 s between requests, per page: the dashboard, the case list with filters, a case page. Prints p50/p95/p99.
#   bench/load.sh [scale] [seconds]      (scale 1.0 = 1,000,000 cases; default 60 s per page)
# WAGEGUARD_BENCH_ONLY=case-list (or dashboard, case-page) runs one page only.
# WAGEGUARD_BENCH_JFR=/path/file.jfr records a Java Flight Recording of the application during the run.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=${1:-1.0}
SECONDS_PER_PAGE=${2:-60}
export DEBIAN_FRONTEND=noninteractive
need=()
[ -x /usr/lib/postgresql/15/bin/postgres ] || need+=(postgresql)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v curl >/dev/null 2>&1 || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null; fi

PGBIN=/usr/lib/postgresql/15/bin
PGDATA=${WAGEGUARD_BENCH_PGDATA:-/tmp/wageguard-bench-pg}
PGPORT=${WAGEGUARD_BENCH_PG_PORT:-56432}
APP_PORT=${WAGEGUARD_BENCH_APP_PORT:-18080}
fresh=0
if [ ! -f "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA" && chown postgres:postgres "$PGDATA"
  runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fresh=1
fi
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
  -o "-c port=$PGPORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PGDATA -c shared_buffers=1GB -c max_connections=200" start >/dev/null
APP_PID=
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
PSQL=(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -q)

[ -f target/wageguard.jar ] || ./mvnw -B -ntp -q -DskipTests package
mkdir -p target/bench
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PGPORT/postgres" SPRING_DATASOURCE_USERNAME=postgres \
  SPRING_DATASOURCE_PASSWORD= SPRING_PROFILES_ACTIVE=demo WAGEGUARD_CRYPTO_KEY_FILE="$PGDATA/bench.keys" \
  java -Xmx1g ${WAGEGUARD_BENCH_JFR:+-XX:StartFlightRecording=filename=$WAGEGUARD_BENCH_JFR,settings=profile} \
  -jar target/wageguard.jar --server.port="$APP_PORT" > target/bench/app.log 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do curl -fs "http://127.0.0.1:$APP_PORT/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "http://127.0.0.1:$APP_PORT/actuator/health" >/dev/null

if [ "$fresh" = 1 ] || [ "$("${PSQL[@]}" -tAc "SELECT count(*) FROM case_file WHERE created_by = 'bench'")" = 0 ]; then
  echo "Filling the database at scale $SCALE …"
  /usr/bin/time -f "generated in %e s" "${PSQL[@]}" -v scale="$SCALE" -f bench/province.sql
fi
"${PSQL[@]}" -tAc "SELECT 'cases=' || count(*) FROM case_file"

# Fifty officers of the provincial leadership office (scope: the whole province), each signed in with a session of
# their own — one shared session would make every request wait for the others' update of the same session row.
login() {
  local jar; jar=$(mktemp)
  local page csrf
  page=$(curl -fs -c "$jar" -b "$jar" "http://127.0.0.1:$APP_PORT/login")
  csrf=$(printf '%s' "$page" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=shengban" --data-urlencode "password=Demo@2021" \
    --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$APP_PORT/login"
  printf 'SESSION=%s' "$(awk '$6 == "SESSION" {print $7}' "$jar")"
  rm -f "$jar"
}
COOKIES=""
for _ in $(seq 1 50); do COOKIES="$COOKIES $(login)"; done
export COOKIES
COOKIE=$(printf "%s" "$COOKIES" | awk "{print \$1}")
case_id=$("${PSQL[@]}" -tAc "SELECT id FROM case_file WHERE created_by = 'bench' AND status = 'FILED' ORDER BY id DESC LIMIT 1")

run() {
  local name=$1; shift
  [ -n "${WAGEGUARD_BENCH_ONLY:-}" ] && [ "$WAGEGUARD_BENCH_ONLY" != "$name" ] && return 0
  export PATHS="$*"
  # Each page opened once before the clock starts, as in a system that is running: this first opening of a
  # province-wide selection computes its totals (kept for the next viewers, refreshed in the background) and is
  # reported on its own line.
  local p cold=""
  for p in "$@"; do
    cold="$cold $(curl -fs -o /dev/null -w '%{time_total}' -b "$COOKIE" "http://127.0.0.1:$APP_PORT$p" || echo FAILED)"
  done
  case "$cold" in *FAILED*) echo "$name: a page failed:$cold"; return 1;; esac
  printf '%-28s first opening of each (s):%s\n' "$name" "$cold"
  local before after result
  before=$(cpu_ticks "$APP_PID")
  result=$(USERS_PER_THREAD=25 wrk -t2 -c50 -d"${SECONDS_PER_PAGE}s" --timeout 10s -s bench/load.lua "http://127.0.0.1:$APP_PORT" | tail -1)
  after=$(cpu_ticks "$APP_PID")
  printf '%-28s %s app_cpu_s=%s\n' "$name" "$result" "$(( (after - before) / $(getconf CLK_TCK) ))"
}
# User + system CPU time of a process, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# The dashboard over four periods (each its own computation), as the provincial office opens it.
run dashboard ${DASHBOARD_PATHS:-"/reports/dashboard" "/reports/dashboard?from=2021-01-01&to=2021-06-30" "/reports/dashboard?from=2025-01-01&to=2025-12-31" "/reports/dashboard?from=2026-01-01&to=2026-06-30"}
run case-list "/cases" "/cases?status=FILED" "/cases?channel=PLATFORM&overdue=true" "/cases?sector=E&from=2025-01-01&to=2025-06-30" "/cases?keyword=%E5%8E%8B%E6%B5%8B%E5%8D%95%E4%BD%8D12" "/cases?page=50"
run case-page "/cases/$case_id"
