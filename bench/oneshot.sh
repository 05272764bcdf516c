#!/usr/bin/env bash
# One-shot CLI search: the whole process of `./dateline search '"oil prices"' --index DIR` on a
# Reuters-21578 index, as a user runs it (launcher, new JVM, start-up cache in use). 3 warm-ups
# (the first also trains the launcher's start-up cache), then 20 timed runs; writes the median,
# p90 and the CPU time (user+sys, less distorted than wall time on a shared machine) as JSON.
#
# Beside it, in the same run and the same way (3 warm-ups, 20 runs), two floors launched as the
# launcher launches (same JDK 25, Serial GC, quick compiler only, logging off, an ahead-of-time
# cache of their own trained on a run of themselves with -XX:AOTCacheOutput): `OneShotFloor`, a
# minimal Lucene program answering the same query on the same index (see its javadoc), and
# `OneShotEmpty`, an empty main. They say what any Lucene command line pays on this machine, and
# what part of Dateline's time is its own. They need the bench jar (built when missing) and a
# JDK 25 (skipped, with a note, without one).
#
#   bench/oneshot.sh INDEX_DIR OUT.json [REUTERS_TGZ]
#
# INDEX_DIR is built with `./dateline index REUTERS_TGZ` first when it holds no index.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
INDEX=$1
OUT=$2
REUTERS=${3:-$ROOT/../shared/data/reuters21578/reuters21578.tar.gz}
# A cache of its own: the user's start-up cache and sample index stay as they are.
export DATELINE_CACHE=${DATELINE_CACHE:-$(dirname "$OUT")/oneshot-cache}

if ! compgen -G "$INDEX/segments_*" >/dev/null; then
  "$ROOT/dateline" index "$REUTERS" --index "$INDEX" >/dev/null
fi

# The floors: the bench jar and a JDK 25 (the launcher's AOT cache needs 25; it picks the same).
FLOOR_JAVA=""
for j in /usr/lib/jvm/*25*/bin/java; do
  if [ -x "$j" ]; then FLOOR_JAVA=$j; break; fi
done
FLOOR_JAR=${JAR:-$ROOT/bench/target/dateline-bench.jar}
if [ -n "$FLOOR_JAVA" ] && [ ! -f "$FLOOR_JAR" ]; then
  (cd "$ROOT" && mvn -B -q -o -pl bench -am package -DskipTests)
fi
FLOOR_CACHE=$DATELINE_CACHE/floor
mkdir -p "$FLOOR_CACHE"
python3 - "$ROOT/dateline" "$INDEX" "$OUT" "$FLOOR_JAVA" "$FLOOR_JAR" "$FLOOR_CACHE" <<'PY'
import json, os, resource, statistics, subprocess, sys, time
launcher, index, out, floor_java, floor_jar, floor_cache = sys.argv[1:]
query = '"oil prices"'
command = [launcher, "search", query, "--index", index]
warmups, runs, limit = 3, 20, 0.2

def once(command, check=True):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    p = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0 or (check and p.stderr):  # a warm-up may say it builds the jar
        sys.exit(f"oneshot: {' '.join(command)} failed with exit {p.returncode}: {p.stderr.decode()}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

def measure(command, check_warmups):
    """3 warm-ups, then 20 runs: median, p90, min, max and median CPU."""
    for _ in range(warmups):
        once(command, check=check_warmups)
    walls, cpus = zip(*(once(command) for _ in range(runs)))
    ordered = sorted(walls)
    return {
        "median_seconds": statistics.median(walls),
        "p90_seconds": ordered[max(0, round(0.9 * runs) - 1)],
        "min_seconds": ordered[0], "max_seconds": ordered[-1],
        "cpu_median_seconds": statistics.median(cpus),
    }

def floor_command(main, args):
    """java as the launcher runs a one-shot command, with an AOT cache trained on this command."""
    cache = os.path.join(floor_cache, main.rsplit(".", 1)[-1] + ".aot")
    flags = ["-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xlog:disable",
             "--enable-native-access=ALL-UNNAMED"]
    tail = ["-XX:TieredStopAtLevel=1", "-cp", floor_jar, main] + args
    if os.path.exists(cache):
        os.remove(cache)  # a cache of this run's jar and JDK, trained the supported way
    train = [floor_java] + flags + [f"-XX:AOTCacheOutput={cache}"] + tail
    p = subprocess.run(train, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if p.returncode != 0 or not os.path.exists(cache):
        sys.exit(f"oneshot: training {main}'s AOT cache failed ({p.returncode}): {p.stderr.decode()}")
    if os.path.exists(cache + ".config"):
        os.remove(cache + ".config")
    return [floor_java] + flags + [f"-XX:AOTCache={cache}"] + tail

load_start = os.getloadavg()[0]
dateline = measure(command, check_warmups=False)
floors = {}
if floor_java and os.path.exists(floor_jar):
    floors["floor"] = dict(measure(floor_command("org.dateline.bench.OneShotFloor", [index, query]),
                                   check_warmups=True),
                           what="OneShotFloor: DirectoryReader, classic QueryParser, top 10, titles")
    floors["empty"] = dict(measure(floor_command("org.dateline.bench.OneShotEmpty", []),
                                   check_warmups=True),
                           what="OneShotEmpty: an empty main")
else:
    print("oneshot: no JDK 25 or no bench jar: the floor rows are not measured", file=sys.stderr)
median = dateline["median_seconds"]
result = {
    "system": "dateline-cli", "query": query, "index": index, "warmups": warmups, "runs": runs,
    **dateline,
    "limit_seconds": limit, "met": median <= limit,
    "load_1min": [load_start, os.getloadavg()[0]],
    **floors,
}
with open(out, "w") as f:
    json.dump(result, f, indent=2)
print(f"one-shot search: median {median * 1000:.0f} ms, p90 {result['p90_seconds'] * 1000:.0f} ms,"
      f" CPU {result['cpu_median_seconds'] * 1000:.0f} ms"
      f" ({'met' if result['met'] else 'missed'}: at most {limit * 1000:.0f} ms)")
for name, r in floors.items():
    print(f"  {name}: median {r['median_seconds'] * 1000:.0f} ms, CPU {r['cpu_median_seconds'] * 1000:.0f} ms"
          f" ({r['what']})")
PY
