#!/usr/bin/env bash
# Copy detection's cost (issue 14), called by run.sh once per corpus: indexes the corpus again with
# copy detection on (system "dateline-copies"; run.sh's "dateline" index has it off, the default),
# then searches that index bare and collapsed (one hit per copy group), so that collapse's p50 is
# compared with bare on the same index. report.py's copies section reads the results.
#
#   bench/copies.sh JAVA JAR CORPUS QUERIES INDEX_DIR OUT_DIR NAME PASS_BUDGET THROUGHPUT
set -euo pipefail
JAVA=$1 JAR=$2 CORPUS=$3 QUERIES=$4 IDX=$5 OUT=$6 NAME=$7 PASS_BUDGET=$8 THROUGHPUT=$9
FLAGS=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xmx1g)
echo "[$(date -u +%T)] $NAME: index dateline with copy detection"
rm -rf "$IDX/dateline-copies"
/usr/bin/time -f "%U %S %M %e" -o "$OUT/index-dateline-copies-$NAME.time" \
  "$JAVA" "${FLAGS[@]}" -cp "$JAR" org.dateline.bench.DatelineBench index \
    "$CORPUS" "$IDX/dateline-copies" "$OUT/index-dateline-copies-$NAME.json" copies=on
echo "[$(date -u +%T)] $NAME: search dateline with copy detection, bare and collapsed"
"$JAVA" "${FLAGS[@]}" -cp "$JAR" org.dateline.bench.DatelineBench search \
  "$IDX/dateline-copies" "$QUERIES" "$OUT/search-dateline-copies-$NAME.json" "$PASS_BUDGET" \
  "$THROUGHPUT" copies=on
rm -rf "$IDX/dateline-copies"
