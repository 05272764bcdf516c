#!/usr/bin/env bash
# Builds the corpora, runs Dateline, plain Lucene, SQLite FTS5 and Anserini on them, and writes
# bench/RESULTS.md. Generated data and indexes stay outside the repository.
#
#   bench/run.sh [--scales reuters,reuters10,200000,1000000] [--copies-scales reuters,reuters10,200000,1000000]
#                [--data DIR] [--work DIR]
#                [--pass-budget SECONDS] [--throughput SECONDS] [--results FILE]
#
# "reuters" is Reuters-21578 as it is; "reuters10" is Reuters-21578 ten times over, each copy of
# an article with its own id (the corpus of issue 11's indexing target); a number is a corpus of that many articles recombined from
# Reuters sentences (seed 42). Each system indexes in its own process (peak RSS per system); the
# JVMs run with -Xmx1g. A timed query pass stops at --pass-budget seconds (the queries are
# shuffled, so what ran is a fair sample; the report gives the count).
set -euo pipefail
ARGS="$*"

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SCALES=reuters,reuters10,200000,1000000
COPIES_SCALES=reuters,reuters10,200000,1000000
DATA=/work/bench-data
WORK=/work/bench-run
PASS_BUDGET=60
THROUGHPUT=10
RESULTS=$ROOT/bench/RESULTS.md
SEED=42
REUTERS=$ROOT/../shared/data/reuters21578/reuters21578.tar.gz
while [ $# -gt 0 ]; do
  case "$1" in
    --scales) SCALES=$2; shift 2 ;;
    --copies-scales) COPIES_SCALES=$2; shift 2 ;;
    --data) DATA=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --pass-budget) PASS_BUDGET=$2; shift 2 ;;
    --throughput) THROUGHPUT=$2; shift 2 ;;
    --results) RESULTS=$2; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

if [ -z "${JAVA:-}" ]; then
  for j in /usr/lib/jvm/*25*/bin/java /usr/lib/jvm/*21*/bin/java; do
    if [ -x "$j" ]; then JAVA=$j; break; fi
  done
fi
[ -x "${JAVA:-}" ] || { echo "no JDK 21+ found; set JAVA" >&2; exit 1; }
FLAGS=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xmx1g)
TIMEF="%U %S %M %e"  # user and system CPU s, peak RSS KB, wall s (the report reads them from the end)
OUT=$WORK/results
mkdir -p "$DATA" "$WORK" "$OUT"
rm -f "$OUT"/*.json "$OUT"/*.time
echo "command: bench/run.sh $ARGS" > "$OUT/command.txt"
echo "started: $(date -u +%FT%TZ)" >> "$OUT/command.txt"
echo "load at start: $(uptime)" >> "$OUT/command.txt"
log() { echo "[$(date -u +%T)] $*"; }

log "build"
(cd "$ROOT" && mvn -B -q -o -pl bench -am package -DskipTests)
JAR=$ROOT/bench/target/dateline-bench.jar

ANSERINI=$HOME/.m2/repository/io/anserini/anserini/1.5.0/anserini-1.5.0-fatjar.jar
# a copy already on this machine, when there is one, saves the download
[ -f "$ANSERINI" ] || [ ! -f /work/anserini/anserini-1.5.0-fatjar.jar ] \
  || ANSERINI=/work/anserini/anserini-1.5.0-fatjar.jar
if [ ! -f "$ANSERINI" ]; then
  log "fetch Anserini 1.5.0"
  (cd "$ROOT" && mvn -B -q dependency:copy -Dartifact=io.anserini:anserini:1.5.0:jar:fatjar \
      -DoutputDirectory="$WORK/anserini")
  ANSERINI=$WORK/anserini/anserini-1.5.0-fatjar.jar
fi

counts=()
for s in ${SCALES//,/ }; do [ "$s" = reuters ] || counts+=("$s"); done
log "corpora: ${SCALES}"
"$JAVA" -cp "$JAR" org.dateline.bench.CorpusGenerator "$REUTERS" "$DATA" "$SEED" "${counts[@]}"

for s in ${SCALES//,/ }; do
  case "$s" in reuters*) name=$s ;; *) name=synth-$s ;; esac
  corpus=$DATA/$name.jsonl
  queries=$DATA/queries-$name.jsonl
  idx=$WORK/index-$name
  rm -rf "$idx"; mkdir -p "$idx"

  log "$name: index dateline"
  /usr/bin/time -f "$TIMEF" -o "$OUT/index-dateline-$name.time" \
    "$JAVA" "${FLAGS[@]}" -cp "$JAR" org.dateline.bench.DatelineBench index \
      "$corpus" "$idx/dateline" "$OUT/index-dateline-$name.json"
  # ---- copies (issue 14): index with copy detection, search it bare and collapsed ----
  # reuters10 too: every story there has nine exact copies in later commits (the syndication
  # case; it took over 6 minutes before new articles joined groups instead of walking them)
  if [[ ",$COPIES_SCALES," == *",$s,"* ]]; then
    "$ROOT/bench/copies.sh" "$JAVA" "$JAR" "$corpus" "$queries" "$idx" "$OUT" "$name" "$PASS_BUDGET" "$THROUGHPUT"
  fi
  # ---- end copies ----
  log "$name: index lucene"
  /usr/bin/time -f "$TIMEF" -o "$OUT/index-lucene-$name.time" \
    "$JAVA" "${FLAGS[@]}" -cp "$JAR" org.dateline.bench.LuceneBench index \
      "$corpus" "$idx/lucene" "$OUT/index-lucene-$name.json"
  log "$name: index lucene-stemmed"
  /usr/bin/time -f "$TIMEF" -o "$OUT/index-lucene-stemmed-$name.time" \
    "$JAVA" "${FLAGS[@]}" -cp "$JAR" org.dateline.bench.LuceneBench index-stemmed \
      "$corpus" "$idx/lucene-stemmed" "$OUT/index-lucene-stemmed-$name.json"
  log "$name: index fts5"
  /usr/bin/time -f "$TIMEF" -o "$OUT/index-fts5-$name.time" \
    python3 "$ROOT/bench/peers/fts5_bench.py" index "$corpus" "$idx/fts5.db" "$OUT/index-fts5-$name.json"

  log "$name: anserini input"
  ain=$WORK/anserini-input-$name
  rm -rf "$ain"
  /usr/bin/time -f "$TIMEF" -o "$OUT/convert-anserini-$name.time" \
    "$JAVA" -cp "$JAR" org.dateline.bench.AnseriniInput "$corpus" "$ain" "$queries" \
      "$WORK/topics-$name.tsv" 5
  head -1 "$WORK/topics-$name.tsv" > "$WORK/topics-one-$name.tsv"
  for variant in anserini anserini-keepstop; do
    log "$name: index $variant"
    extra=()
    aidx=$idx/anserini
    if [ $variant = anserini-keepstop ]; then
      # the same indexer keeping every word, as Dateline does (context for the indexing target;
      # its index is sized, then deleted: nothing searches it)
      extra=(-keepStopwords)
      aidx=$idx/anserini-keepstop
      rm -rf "$aidx"
    fi
    /usr/bin/time -f "$TIMEF" -o "$OUT/index-$variant-$name.time" \
      "$JAVA" "${FLAGS[@]}" -cp "$ANSERINI" io.anserini.index.IndexCollection \
        -collection JsonCollection -input "$ain" -index "$aidx" \
        -generator DefaultLuceneDocumentGenerator -threads 2 -memoryBuffer 64 \
        -storePositions -storeRaw -quiet "${extra[@]}" > "$WORK/$variant-index-$name.log" 2>&1
    python3 - "$OUT/index-$variant-$name.json" "$name" "$corpus" "$aidx" \
        "$OUT/index-$variant-$name.time" "$variant" <<'PY'
import json, os, sys
out, name, corpus, index, timef, system = sys.argv[1:]
rss, seconds = open(timef).read().split()[-2:]
size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(index) for f in fs)
n = sum(1 for line in open(corpus, encoding="utf-8") if line.strip())
json.dump({"system": system, "corpus": name, "articles": n, "seconds": float(seconds),
           "input_bytes": os.path.getsize(corpus), "index_bytes": size, "peak_rss_kb": int(rss)},
          open(out, "w"), indent=2)
PY
  done
  rm -rf "$idx/anserini-keepstop"

  log "$name: search dateline"
  "$JAVA" "${FLAGS[@]}" -cp "$JAR" org.dateline.bench.DatelineBench search \
    "$idx/dateline" "$queries" "$OUT/search-dateline-$name.json" "$PASS_BUDGET" "$THROUGHPUT"
  log "$name: search lucene"
  "$JAVA" "${FLAGS[@]}" -cp "$JAR" org.dateline.bench.LuceneBench search \
    "$idx/lucene" "$queries" "$OUT/search-lucene-$name.json" "$PASS_BUDGET" "$THROUGHPUT"
  log "$name: search lucene-stemmed"
  "$JAVA" "${FLAGS[@]}" -cp "$JAR" org.dateline.bench.LuceneBench search-stemmed \
    "$idx/lucene-stemmed" "$queries" "$OUT/search-lucene-stemmed-$name.json" "$PASS_BUDGET" "$THROUGHPUT"
  log "$name: search fts5"
  python3 "$ROOT/bench/peers/fts5_bench.py" search "$idx/fts5.db" "$queries" \
    "$OUT/search-fts5-$name.json" "$PASS_BUDGET" "$THROUGHPUT"
  log "$name: search anserini"
  for t in one full; do
    if [ $t = one ]; then topics=$WORK/topics-one-$name.tsv; else topics=$WORK/topics-$name.tsv; fi
    /usr/bin/time -f "$TIMEF" -o "$OUT/search-anserini-$t-$name.time" \
      "$JAVA" "${FLAGS[@]}" -cp "$ANSERINI" io.anserini.search.SearchCollection \
        -index "$idx/anserini" -topics "$topics" -topicReader TsvString -output "$WORK/run-$name.txt" \
        -bm25 -hits 10 -threads 2 > "$WORK/anserini-search-$name.log" 2>&1
  done
  python3 - "$OUT/search-anserini-$name.json" "$name" "$WORK/topics-$name.tsv" \
      "$OUT/search-anserini-one-$name.time" "$OUT/search-anserini-full-$name.time" <<'PY'
import json, sys
out, name, topics, one, full = sys.argv[1:]
n = sum(1 for _ in open(topics, encoding="utf-8"))
t1 = float(open(one).read().split()[-1])
tn = float(open(full).read().split()[-1])
json.dump({"system": "anserini", "corpus": name, "queries": n, "seconds_one_query": t1,
           "seconds_all": tn, "throughput_qps_2_threads": (n - 1) / max(tn - t1, 1e-9)},
          open(out, "w"), indent=2)
PY
  # keep the disk for the next scale
  rm -rf "$ain"
done

# ranking: CACM, Dateline beside Anserini's -bm25 and -bm25 -rm3 (bench/ranking.sh)
JAVA="$JAVA" JAR="$JAR" ANSERINI="$ANSERINI" "$ROOT/bench/ranking.sh" "$WORK/ranking" "$OUT/ranking.json"
# --- one-shot CLI search (bench/oneshot.sh) ---
log "reuters: one-shot CLI search"
"$ROOT/bench/oneshot.sh" "$WORK/index-reuters-cli" "$OUT/oneshot.json" "$REUTERS"
# --- end one-shot ---

echo "load at end: $(uptime)" >> "$OUT/command.txt"
echo "ended: $(date -u +%FT%TZ)" >> "$OUT/command.txt"
log "report"
python3 "$ROOT/bench/report.py" "$OUT" "$RESULTS"
log "wrote $RESULTS"
