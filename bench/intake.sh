#!/usr/bin/env bash
# Intake bench (issue 19): the 1,000,000-worker month of bench/reconcile.sh sent through the data API into the
# application's PostgreSQL and reconciled after each import; prints rows/s per file and in total and the peak memory.
# Outside the default test run (IntakeBench matches no test pattern); the application runs in the test JVM with the
# build's -Xmx1g.
#
#   bench/intake.sh [WORKERS]        # default 1000000 workers (~24.5 M attendance rows)
#
# The data set is generated once under target/bench-data/WORKERS (shared with bench/reconcile.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_WORKERS=${1:-1000000}
./mvnw -o -q verify -DskipTests=false -Djacoco.skip=true -Dtest=IntakeBench -Dsurefire.failIfNoSpecifiedTests=false \
  || true
grep -h "^INTAKE\|import .*: \(staging\|.*committed\|reconciled\)" target/surefire-reports/org.wageguard.payroll.web.IntakeBench-output.txt
