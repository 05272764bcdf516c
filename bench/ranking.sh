#!/usr/bin/env bash
# The ranking step of bench/run.sh: CACM with Anserini 1.5.0 (-bm25, -bm25 -rm3, its own CACM
# regression settings) and with Dateline (defaults and Anserini's settings, each with and without
# RM3), all scored by Dateline's trec_eval -c scorer; writes one JSON for bench/report.py.
#
#   bench/ranking.sh WORK_DIR OUT.json
#
# Needs JAVA (a JDK 21+), JAR (bench/target/dateline-bench.jar) and ANSERINI (the fat jar) in the
# environment, as run.sh sets them; CACM from ../shared/data/cacm (or CACM=DIR).
set -euo pipefail
WORK=$1
OUT_JSON=$2
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACM=${CACM:-$ROOT/../shared/data/cacm}
: "${JAVA:?set JAVA}" "${JAR:?set JAR}" "${ANSERINI:?set ANSERINI}"
log() { echo "[$(date -u +%T)] ranking: $*"; }
if [ ! -f "$CACM/anserini-cacm.tar.gz" ]; then
  log "CACM not found at $CACM; skipped"
  exit 0
fi
rm -rf "$WORK"
mkdir -p "$WORK/anserini-input"
cp "$CACM/anserini-cacm.tar.gz" "$WORK/anserini-input/"

log "index CACM with Anserini (HtmlCollection, its CACM regression's options)"
"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$ANSERINI" io.anserini.index.IndexCollection \
  -collection HtmlCollection -input "$WORK/anserini-input" -index "$WORK/anserini-index" \
  -generator DefaultLuceneDocumentGenerator -threads 1 \
  -storePositions -storeDocvectors -storeRaw > "$WORK/anserini-index.log" 2>&1
for model in bm25 bm25-rm3; do
  case $model in
    bm25) flags=(-bm25) ;;
    bm25-rm3) flags=(-bm25 -rm3) ;;
  esac
  log "Anserini SearchCollection ${flags[*]}"
  "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$ANSERINI" io.anserini.search.SearchCollection \
    -index "$WORK/anserini-index" -topics "$CACM/topics.cacm.txt" -topicReader Cacm \
    -output "$WORK/run-anserini-$model.txt" -hits 1000 -threads 1 "${flags[@]}" \
    > "$WORK/anserini-search-$model.log" 2>&1
done

log "Dateline: defaults, defaults+rm3, Anserini's settings, Anserini's settings+rm3"
"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$JAR" org.dateline.bench.RankingBench \
  "$CACM" "$WORK" "$WORK/run-anserini-bm25.txt" "$WORK/run-anserini-bm25-rm3.txt" "$OUT_JSON"
log "wrote $OUT_JSON"
