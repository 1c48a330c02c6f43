#!/usr/bin/env bash
# Two instances (issue 17 "Nothing lost"): ONE PostgreSQL 15 (Debian's, run here as the postgres user on a temporary
# directory), TWO instances of the packaged jar on it (demo profile, one shared key file, started at the same moment on
# the empty database), HAProxy in front. Through the proxy: sign in as `jiancha`, open pages (served by both
# instances on one session), kill -9 one instance, carry on with the same session cookie through the other. Meanwhile
# the nightly jobs fire every 5 seconds on both instances; each must run exactly once ("tonight"), counted in the logs
# of both instances and in the database. Everything listens on 127.0.0.1 only and is stopped on exit.
#   bench/cluster.sh                        (or: ./mvnw -Pcluster verify -DskipTests, on the freshly packaged jar)
# Exit 0 and "PASS" when every check passed; 1 and "FAIL" with the failed checks otherwise. Logs: target/cluster/.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/target/cluster"
JAR="$ROOT/target/wageguard.jar"
USERNAME=jiancha
PASSWORD='Demo@2021'
DISPLAY_NAME='黄国平'
JOBS=(casework.supervision casework.clue-ledgers inspection.overdue-orders monitoring.rules)
CRON='*/5 * * * * *'

say() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*"; }
RESULTS=()
FAILED=0
die() { RESULTS+=("FAIL  $*"); FAILED=$((FAILED + 1)); say "FAILED $*"; exit 1; }
summary() {
  echo
  echo "==== bench/cluster.sh summary ($(date -u '+%Y-%m-%d %H:%M UTC')) ===="
  printf '%s\n' "${RESULTS[@]}"
  if [ $FAILED = 0 ]; then echo "PASS: ${#RESULTS[@]} checks"; else echo "FAIL: $FAILED of ${#RESULTS[@]} checks failed (logs in $OUT)"; fi
}


# --- bookkeeping: everything started here is stopped on exit ------------------------------------------------------
PGBIN=/usr/lib/postgresql/15/bin
WORK=$(mktemp -d /tmp/wageguard-cluster.XXXXXX)
chmod 755 "$WORK"
PGDATA="$WORK/pg"
PG_STARTED=0
declare -A APP_PID=()
PROXY_PID=
stop_all() {
  for name in "${!APP_PID[@]}"; do kill "${APP_PID[$name]}" 2>/dev/null || true; done
  [ -n "$PROXY_PID" ] && kill "$PROXY_PID" 2>/dev/null || true
  for _ in $(seq 1 20); do
    local alive=0
    for name in "${!APP_PID[@]}"; do kill -0 "${APP_PID[$name]}" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && break
    sleep 0.5
  done
  for name in "${!APP_PID[@]}"; do kill -9 "${APP_PID[$name]}" 2>/dev/null || true; done
  [ $PG_STARTED = 1 ] && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -t 30 stop >/dev/null 2>&1
  rm -rf "$WORK"
}
on_exit() {
  local rc=$?
  summary
  stop_all
  [ $FAILED = 0 ] || rc=1
  exit $rc
}
trap on_exit EXIT
trap 'exit 130' INT TERM

# --- what the test needs, installed once (a fresh CI machine has none of it) ---------------------------------------
export DEBIAN_FRONTEND=noninteractive
need=()
[ -x /usr/lib/postgresql/15/bin/postgres ] || need+=(postgresql)
command -v haproxy >/dev/null 2>&1 || need+=(haproxy)
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v java >/dev/null 2>&1 || die "java (17) is needed"
if [ ${#need[@]} -gt 0 ]; then
  say "installing: ${need[*]}"
  timeout 600 apt-get update -qq && timeout 600 apt-get install -y -qq "${need[@]}" >/dev/null || die "apt-get install ${need[*]}"
fi
[ -f "$JAR" ] || die "$JAR is missing: ./mvnw -DskipTests package (or run ./mvnw -Pcluster verify -DskipTests)"

# A free port on 127.0.0.1 from $1 up (bounded), not one of the ports already picked.
PICKED=" "
free_port() {
  local port=$1
  for _ in $(seq 1 500); do
    if [[ "$PICKED" != *" $port "* ]] && ! (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      PICKED="$PICKED$port "; echo "$port"; return 0
    fi
    port=$((port + 1))
  done
  return 1
}
free_port "${WAGEGUARD_CLUSTER_PG_PORT:-56540}" >/dev/null && free_port 18181 >/dev/null && free_port 18182 >/dev/null \
  && free_port 18280 >/dev/null || die "no free port"
read -r PGPORT PORT_A PORT_B PROXY_PORT <<< "$PICKED"
PROXY="http://127.0.0.1:$PROXY_PORT"
rm -rf "$OUT" && mkdir -p "$OUT"

# --- checks and the summary ---------------------------------------------------------------------------------------
check() { # check "what" command...
  local what=$1; shift
  if "$@"; then RESULTS+=("PASS  $what"); say "ok    $what"
  else RESULTS+=("FAIL  $what"); FAILED=$((FAILED + 1)); say "FAILED $what"; fi
}
# --- one PostgreSQL 15 --------------------------------------------------------------------------------------------
mkdir -p "$PGDATA" && chown postgres:postgres "$PGDATA"
runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null \
  || die "initdb"
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 60 \
  -o "-c port=$PGPORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PGDATA -c fsync=off -c max_connections=100" \
  start >/dev/null || die "PostgreSQL did not start"
PG_STARTED=1
PSQL=(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d wageguard -qtAX)
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -qc "CREATE DATABASE wageguard" || die "CREATE DATABASE"
say "PostgreSQL 15 on 127.0.0.1:$PGPORT"

# --- two instances, started together on the empty database, one key file ------------------------------------------
KEYS="$WORK/keys/wageguard.keys"   # not there yet: the demo generates it; both instances must end up with one key
start_instance() { # name port
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PGPORT/wageguard" SPRING_DATASOURCE_USERNAME=postgres \
  SPRING_DATASOURCE_PASSWORD= SPRING_PROFILES_ACTIVE=demo WAGEGUARD_CRYPTO_KEY_FILE="$KEYS" \
    java -Xmx640m -XX:TieredStopAtLevel=1 -jar "$JAR" --server.address=127.0.0.1 --server.port="$2" \
    --wageguard.instance-name="$1" --wageguard.database.pool-size=5 \
    --management.endpoint.health.probes.enabled=true \
    --wageguard.casework.supervision-cron="$CRON" --wageguard.casework.clue-ledger-cron="$CRON" \
    --wageguard.inspection.overdue-cron="$CRON" --wageguard.monitoring.nightly-cron="$CRON" \
    > "$OUT/$1.log" 2>&1 &
  APP_PID[$1]=$!
}
start_instance a "$PORT_A"
start_instance b "$PORT_B"
say "instances a (127.0.0.1:$PORT_A, pid ${APP_PID[a]}) and b (127.0.0.1:$PORT_B, pid ${APP_PID[b]}) starting"

# Ready = the readiness state is ACCEPTING_TRAFFIC, i.e. after the demo data was loaded (not merely serving HTTP).
ready() { curl -fs --max-time 5 "http://127.0.0.1:$1/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; }
for _ in $(seq 1 300); do
  ready "$PORT_A" && ready "$PORT_B" && break
  kill -0 "${APP_PID[a]}" 2>/dev/null && kill -0 "${APP_PID[b]}" 2>/dev/null || break
  sleep 1
done
check "both instances started on one database and are ready (no crash loading the demo data twice)" \
  bash -c "curl -fs --max-time 5 http://127.0.0.1:$PORT_A/actuator/health | grep -q UP && curl -fs --max-time 5 http://127.0.0.1:$PORT_B/actuator/health | grep -q UP"
[ $FAILED = 0 ] || { tail -40 "$OUT/a.log" "$OUT/b.log"; exit 1; }
say "both ready"

one_key() { # the key file is whole and owner-only, and both instances read what the other encrypted
  [ "$(find "$WORK/keys" -type f | wc -l)" = 1 ] && [ "$(stat -c %a "$KEYS")" = 600 ] && grep -q '^format=wageguard-keys-1' "$KEYS"
}
check "one key file shared by both instances (whole, owner-only, no second key)" one_key
waited() { grep -l "Another instance is loading the demo data" "$OUT/a.log" "$OUT/b.log" 2>/dev/null | wc -l; }
say "instances that waited for the other's demo data loading: $(waited)"
demo_once() {
  local dup
  dup=$("${PSQL[@]}" -c "SELECT (SELECT count(*) FROM (SELECT 1 FROM activity GROUP BY kind, held_on, title HAVING count(*) > 1) d)
      + (SELECT count(*) FROM (SELECT 1 FROM data_import WHERE status = 'CURRENT' GROUP BY kind, project_id, month HAVING count(*) > 1) d)
      + (SELECT count(*) FROM (SELECT 1 FROM grid GROUP BY code HAVING count(*) > 1) d)")
  say "demo data: $("${PSQL[@]}" -c "SELECT 'officers=' || (SELECT count(*) FROM officer) || ' projects=' || (SELECT count(*) FROM project)
      || ' cases=' || (SELECT count(*) FROM case_file) || ' activities=' || (SELECT count(*) FROM activity)
      || ' imports=' || (SELECT count(*) FROM data_import)"), duplicated groups: $dup"
  [ "$dup" = 0 ] && [ "$("${PSQL[@]}" -c "SELECT count(*) FROM activity")" -gt 0 ]
}
check "demo data loaded once (no duplicated activities, imports or grids)" demo_once

# --- HAProxy in front ---------------------------------------------------------------------------------------------
cat > "$WORK/haproxy.cfg" <<EOF
global
    maxconn 200
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    retries 3
    option redispatch
    retry-on conn-failure empty-response
frontend wageguard
    bind 127.0.0.1:$PROXY_PORT
    default_backend instances
backend instances
    balance roundrobin
    option httpchk GET /actuator/health
    http-check expect status 200
    default-server inter 1s fall 2 rise 1
    http-response set-header X-WageGuard-Instance %[srv_name]
    server a 127.0.0.1:$PORT_A check
    server b 127.0.0.1:$PORT_B check
EOF
haproxy -db -f "$WORK/haproxy.cfg" > "$OUT/haproxy.log" 2>&1 &
PROXY_PID=$!
for _ in $(seq 1 30); do curl -fs --max-time 5 -o /dev/null "$PROXY/login" && break; sleep 0.5; done
say "HAProxy on $PROXY (round robin over a and b)"

# --- a session through the proxy ----------------------------------------------------------------------------------
COOKIES="$WORK/cookies.txt"
csrf_of() { grep -o 'name="_csrf" value="[^"]*"' "$1" | head -1 | sed 's/.*value="//;s/"$//'; }
# GET a page through the proxy with the session; sets STATUS, SERVED_BY, USER_SHOWN, and keeps the body in $WORK/page.html
get() {
  local headers="$WORK/headers.txt"
  STATUS=$(curl -sS --max-time 30 -o "$WORK/page.html" -D "$headers" -w '%{http_code}' -b "$COOKIES" -c "$COOKIES" "$PROXY$1" || echo 000)
  SERVED_BY=$(awk -F': ' 'tolower($1) == "x-wageguard-instance" {gsub(/\r/, "", $2); print $2}' "$headers")
  USER_SHOWN=$(grep -o 'id="current-user"><span>[^<]*' "$WORK/page.html" | sed 's/.*<span>//' | head -1)
  printf '%s GET %-22s -> %s by instance %s, signed in as %s\n' "$(date -u +%H:%M:%S)" "$1" "$STATUS" "${SERVED_BY:--}" "${USER_SHOWN:--}"
}

get /login
CSRF=$(csrf_of "$WORK/page.html")
LOGIN=$(curl -sS --max-time 30 -o /dev/null -w '%{http_code} %{redirect_url}' -b "$COOKIES" -c "$COOKIES" \
  --data-urlencode "username=$USERNAME" --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$CSRF" "$PROXY/login")
say "POST /login -> $LOGIN"
check "signed in as $USERNAME through the proxy (CSRF token of the login page, session cookie)" \
  bash -c "[[ '$LOGIN' == 302\ */ ]] && grep -q SESSION '$COOKIES'"
SESSION_BEFORE=$(awk '$6 == "SESSION" {print $7}' "$COOKIES")

PAGES=(/ /cases /cases/mine /monitoring/alerts /notifications /inspection/rectifications /reports/dashboard /cases/clues)
SEEN=""
all_ok=1
for p in "${PAGES[@]}"; do
  get "$p"
  [ "$STATUS" = 200 ] && [ "$USER_SHOWN" = "$DISPLAY_NAME" ] || all_ok=0
  SEEN="$SEEN $SERVED_BY"
  [ -z "${PAGE_CSRF:-}" ] && [ "$SERVED_BY" = a ] && PAGE_CSRF=$(csrf_of "$WORK/page.html")
done
check "${#PAGES[@]} pages: 200, signed in as $DISPLAY_NAME ($USERNAME)" test $all_ok = 1
check "one session served by both instances (a and b)" bash -c "[[ '$SEEN' == *a* && '$SEEN' == *b* ]]"
check "a page served by instance a carried a CSRF token of the session" test -n "${PAGE_CSRF:-}"

# --- the nightly jobs: fired every 5 s on both instances, run once ------------------------------------------------
# Per job: "ran on" lines (both logs together), and per instance the firings after it was ready.
ran_count() { cat "$OUT/a.log" "$OUT/b.log" | grep -c "Scheduled job $1 (.*): ran on"; }
fired_on() { grep -E "Scheduled job $2 \(.*\): (ran on|skipped on $1, (already run|running on another))" "$OUT/$1.log" | wc -l; }
jobs_settled() {
  local job
  for job in "${JOBS[@]}"; do
    [ "$(ran_count "$job")" -ge 1 ] && [ "$(fired_on a "$job")" -ge 2 ] && [ "$(fired_on b "$job")" -ge 2 ] || return 1
  done
}
for _ in $(seq 1 120); do jobs_settled && break; sleep 1; done
jobs_report() {
  local job
  for job in "${JOBS[@]}"; do
    say "  $job: runs in the logs $(ran_count "$job"), fired on a $(fired_on a "$job") times, on b $(fired_on b "$job") times;" \
      "in scheduled_run: $("${PSQL[@]}" -c "SELECT count(*) || ' (' || coalesce(string_agg(run_key || ' by ' || instance || ', ' || coalesce(outcome, 'unfinished'), '; '), '') || ')' FROM scheduled_run WHERE job = '$job'")"
  done
}
exactly_once() {
  local job
  for job in "${JOBS[@]}"; do
    [ "$(ran_count "$job")" = 1 ] || return 1
    [ "$("${PSQL[@]}" -c "SELECT count(*) FROM scheduled_run WHERE job = '$job' AND finished_at IS NOT NULL")" = 1 ] || return 1
    [ "$("${PSQL[@]}" -c "SELECT count(*) FROM scheduled_run WHERE job = '$job'")" = 1 ] || return 1
  done
}
jobs_report
check "every nightly job fired at least twice on each instance" jobs_settled
check "each of ${#JOBS[@]} nightly jobs ran exactly once across both instances (logs and scheduled_run)" exactly_once
scheduled_in_jar() { # every @Scheduled job of the application is one of those counted here
  local found
  found=$(cat "$OUT/a.log" "$OUT/b.log" | grep -o 'Scheduled job [a-z.-]* ' | sort -u | awk '{print $3}' | tr '\n' ' ')
  say "jobs seen in the logs: $found"
  for job in "${JOBS[@]}"; do [[ " $found " == *" $job "* ]] || return 1; done
}
check "the logs name every guarded job" scheduled_in_jar

# --- kill -9 one instance mid-session, carry on through the other -------------------------------------------------
kill -9 "${APP_PID[a]}"
wait "${APP_PID[a]}" 2>/dev/null
unset 'APP_PID[a]'
say "instance a killed (kill -9)"
all_ok=1
SEEN=""
for p in /cases / /monitoring/alerts /cases/mine /notifications /reports/dashboard; do
  get "$p"
  [ "$STATUS" = 200 ] && [ "$USER_SHOWN" = "$DISPLAY_NAME" ] || all_ok=0
  SEEN="$SEEN $SERVED_BY"
done
check "after the kill: same session cookie, 200 on authenticated pages, still $DISPLAY_NAME" test $all_ok = 1
check "after the kill: every request served by b" bash -c "[[ '$(echo $SEEN | tr ' ' '\n' | sort -u | tr -d '\n')' == b ]]"
check "the session cookie was not replaced (no new sign-in)" \
  bash -c "[ \"\$(awk '\$6 == \"SESSION\" {print \$7}' '$COOKIES')\" = '$SESSION_BEFORE' ]"

# The CSRF token a served in the session before it died is accepted by b: signing out with it ends the session.
LOGOUT=$(curl -sS --max-time 30 -o /dev/null -w '%{http_code} %{redirect_url}' -b "$COOKIES" -c "$COOKIES" \
  --data-urlencode "_csrf=$PAGE_CSRF" "$PROXY/logout")
say "POST /logout (CSRF token from a page instance a served) -> $LOGOUT"
check "b accepts the CSRF token a put in the session (sign-out)" bash -c "[[ '$LOGOUT' == 302\ *login?logout ]]"
get /cases
check "after signing out the session no longer opens pages" bash -c "[[ '$STATUS' == 302 ]]"

# b keeps firing the jobs alone: still one run each.
sleep 6
jobs_report
check "b firing alone after the kill: still exactly one run of each job" exactly_once

[ $FAILED = 0 ]
