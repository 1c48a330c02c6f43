#!/usr/bin/env bash
# Reconciliation bench: the engine's command line against the same 15 rules written as SQL in DuckDB, each as a
# whole process on the same generated data set; checks that both find the same multiset of findings and prints
# wall times (median of RUNS), the ratio engine/DuckDB and the engine's peak RSS.
#
#   bench/reconcile.sh [WORKERS]        # default 1000000 workers (one month, ~24 M attendance rows, ~1.25 GB)
#
# Environment: RUNS (default 3), SKIP_BUILD=1 (reuse target/wageguard.jar), DATA_DIR (default
# target/bench-data/WORKERS; generated once, reused after), THREADS for DuckDB (default: all cores).
set -euo pipefail
cd "$(dirname "$0")/.."

WORKERS=${1:-1000000}
RUNS=${RUNS:-3}
DATA=${DATA_DIR:-target/bench-data/$WORKERS}
OUT=target/bench
CLASSES=target/bench-classes
mkdir -p "$OUT" "$CLASSES"

# 1. The application jar (its tests are not needed for that) and the DuckDB driver of the bench profile.
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f target/wageguard.jar ]; then
  ./mvnw -q -Dmaven.test.skip=true package
fi
./mvnw -q -Pbench dependency:build-classpath -Dmdep.includeArtifactIds=duckdb_jdbc \
  -Dmdep.outputFile="$OUT/duckdb.classpath" >/dev/null
DUCKDB=$(cat "$OUT/duckdb.classpath")

# 2. The generator (src/test/java/.../bench) and the DuckDB reference (src/bench/java), compiled on their own so
#    that the bench does not depend on the rest of the test tree.
javac -encoding UTF-8 -d "$CLASSES" -cp "$DUCKDB" \
  src/test/java/org/wageguard/payroll/reconciliation/bench/*.java \
  $(find src/bench/java -name '*.java')

# 3. The data set, generated once per size.
if [ ! -f "$DATA/disbursements.csv" ]; then
  echo "generating $WORKERS workers into $DATA ..."
  java -cp "$CLASSES" org.wageguard.payroll.reconciliation.bench.CsvWriter --workers "$WORKERS" --dir "$DATA" --seed 1
fi

# Runs a command, printing "<wall seconds> <peak RSS KB>": /usr/bin/time where there is one, else the process's
# VmHWM read from /proc while it runs.
measure() {
  local log=$1; shift
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%e %M' -o "$OUT/time.txt" "$@" >"$log" 2>&1
    cat "$OUT/time.txt"
  else
    local start end peak=0 hwm
    start=$(date +%s.%N)
    "$@" >"$log" 2>&1 &
    local pid=$!
    while kill -0 "$pid" 2>/dev/null; do
      hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
      [ "${hwm:-0}" -gt "$peak" ] && peak=$hwm
      sleep 0.02
    done
    wait "$pid"
    end=$(date +%s.%N)
    echo "$(echo "$end - $start" | bc) $peak"
  fi
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

: >"$OUT/engine.runs"
: >"$OUT/duckdb.runs"
for run in $(seq "$RUNS"); do
  measure "$OUT/engine.log" java -jar target/wageguard.jar reconcile --dir "$DATA" --out "$OUT/engine-findings.csv" \
    >>"$OUT/engine.runs"
  measure "$OUT/duckdb.log" java -cp "$CLASSES:$DUCKDB" org.wageguard.payroll.reconciliation.bench.DuckDbReconcile \
    --dir "$DATA" --out "$OUT/duckdb-findings.csv" ${THREADS:+--threads $THREADS} >>"$OUT/duckdb.runs"
  echo "run $run: engine $(tail -1 "$OUT/engine.runs" | awk '{print $1 " s, " int($2 / 1024) " MB"}');" \
    "DuckDB $(tail -1 "$OUT/duckdb.runs" | awk '{print $1 " s, " int($2 / 1024) " MB"}')"
done

echo "findings per rule (engine, DuckDB):"
java -cp "$CLASSES" org.wageguard.payroll.reconciliation.bench.CompareFindings \
  "$OUT/engine-findings.csv" "$OUT/duckdb-findings.csv"

ENGINE=$(awk '{print $1}' "$OUT/engine.runs" | median)
DUCK=$(awk '{print $1}' "$OUT/duckdb.runs" | median)
RSS=$(awk '{print $2}' "$OUT/engine.runs" | sort -n | tail -1)
DUCK_RSS=$(awk '{print $2}' "$OUT/duckdb.runs" | sort -n | tail -1)
echo
echo "date            $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine         $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "data set        $WORKERS workers: $(for f in roster attendance payroll disbursements; do
  printf '%s %s rows, ' "$f" "$(($(wc -l <"$DATA/$f.csv") - 1))"; done)$(du -sh "$DATA" | cut -f1)"
echo "engine          $ENGINE s (median of $RUNS), peak RSS $((RSS / 1024)) MB"
echo "DuckDB          $DUCK s (median of $RUNS), peak RSS $((DUCK_RSS / 1024)) MB"
echo "ratio           $(awk -v e="$ENGINE" -v d="$DUCK" 'BEGIN {printf "%.2f", e / d}') (engine / DuckDB; target <= 0.75)"
