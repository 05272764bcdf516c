#!/usr/bin/env bash
# One-shot CLI search: the whole process of `./dateline search '"oil prices"' --index DIR` on a
# Reuters-21578 index, as a user runs it (launcher, new JVM, start-up cache in use). 3 warm-ups
# (the first also trains the launcher's start-up cache), then 20 timed runs; writes the median,
# p90 and the CPU time (user+sys, less distorted than wall time on a shared machine) as JSON.
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
python3 - "$ROOT/dateline" "$INDEX" "$OUT" <<'PY'
import json, os, resource, statistics, subprocess, sys, time
launcher, index, out = sys.argv[1:]
query = '"oil prices"'
command = [launcher, "search", query, "--index", index]
warmups, runs, limit = 3, 20, 0.2

def once(check=True):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    p = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0 or (check and p.stderr):  # a warm-up may say it builds the jar
        sys.exit(f"oneshot: {' '.join(command)} failed with exit {p.returncode}: {p.stderr.decode()}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

load_start = os.getloadavg()[0]
for _ in range(warmups):
    once(check=False)
walls, cpus = zip(*(once() for _ in range(runs)))
ordered = sorted(walls)
median = statistics.median(walls)
result = {
    "system": "dateline-cli", "query": query, "index": index, "warmups": warmups, "runs": runs,
    "median_seconds": median, "p90_seconds": ordered[max(0, round(0.9 * runs) - 1)],
    "min_seconds": ordered[0], "max_seconds": ordered[-1],
    "cpu_median_seconds": statistics.median(cpus),
    "limit_seconds": limit, "met": median <= limit,
    "load_1min": [load_start, os.getloadavg()[0]],
}
with open(out, "w") as f:
    json.dump(result, f, indent=2)
print(f"one-shot search: median {median * 1000:.0f} ms, p90 {result['p90_seconds'] * 1000:.0f} ms,"
      f" CPU {result['cpu_median_seconds'] * 1000:.0f} ms"
      f" ({'met' if result['met'] else 'missed'}: at most {limit * 1000:.0f} ms)")
PY
