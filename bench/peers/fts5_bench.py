#!/usr/bin/env python3
"""The SQLite FTS5 peer of the Dateline benchmark, driven through Python's sqlite3.

  fts5_bench.py index CORPUS_JSONL DB OUT_JSON
  fts5_bench.py search DB QUERIES_JSONL OUT_JSON PASS_BUDGET_S THROUGHPUT_S

One FTS5 table holds the text (tokenize='porter unicode61', ranked by bm25 through ORDER BY rank)
and, as UNINDEXED columns placed first so that reading them does not touch the text's overflow
pages, the id, the source and the day used by the filters and facets. Loading is one transaction
with journal and sync off: the fastest way to fill it, not a durable one.

Modes, like the Java side's: bare (top ten by bm25 with their titles, plus count(*) for the exact
total Dateline returns; bare_topk is the same without the count), snippets (bare plus snippet() on
the body of each hit), facets (snippets plus GROUP BY source and by month; the total is the sum of
the month counts, so no separate count(*)).
"""
import json
import os
import resource
import sqlite3
import sys
import threading
import time

SCHEMA = ("CREATE VIRTUAL TABLE docs USING fts5(ext_id UNINDEXED, source UNINDEXED, day UNINDEXED,"
          " title, body, tokenize='porter unicode61')")
BODY_COLUMN = 4


def peak_rss_kb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def index(corpus, db, out):
    if os.path.exists(db):
        os.remove(db)
    t0 = time.perf_counter()
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA cache_size=-262144")
    con.execute(SCHEMA)
    n = 0

    def rows():
        nonlocal n
        with open(corpus, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                o = json.loads(line)
                n += 1
                yield (o["id"], o.get("source", ""), (o.get("date") or "")[:10],
                       o.get("title", ""), o.get("body", ""))

    with con:
        con.executemany("INSERT INTO docs(ext_id, source, day, title, body) VALUES (?,?,?,?,?)",
                        rows())
    con.close()
    seconds = time.perf_counter() - t0
    result = {"system": "fts5", "corpus": corpus_name(corpus), "articles": n, "seconds": seconds,
              "input_bytes": os.path.getsize(corpus), "index_bytes": os.path.getsize(db),
              "peak_rss_kb": peak_rss_kb(), "sqlite_version": sqlite3.sqlite_version}
    with open(out, "w") as f:
        json.dump(result, f, indent=2)
    print(f"fts5 {result['corpus']}: {n} articles in {seconds:.1f} s = {n / seconds:.0f} articles/s,"
          f" index {result['index_bytes'] >> 20} MB")


def corpus_name(path):
    name = os.path.basename(path)
    if name.startswith("queries-"):
        name = name[len("queries-"):]
    return name[:-len(".jsonl")] if name.endswith(".jsonl") else name


def quote(word):
    return '"' + word.replace('"', '""') + '"'


def match_expression(q):
    """The FTS5 MATCH text for a benchmark query."""
    words = q["words"]
    kind = q["kind"]
    if kind in ("phrase", "frequent_phrase"):
        return quote(" ".join(words))
    if kind == "sloppy":
        # NEAR allows either order; Lucene's slop allows a swap only at a higher cost
        return "NEAR(" + " ".join(quote(w) for w in words) + ", " + str(q["slop"]) + ")"
    return " AND ".join(quote(w) for w in words)


def where(q):
    clause = "docs MATCH ?"
    args = [match_expression(q)]
    if q.get("from"):
        clause += " AND day BETWEEN ? AND ?"
        args += [q["from"], q["to"]]
    if q.get("source"):
        clause += " AND source = ?"
        args.append(q["source"])
    return clause, args


def search(con, q, mode):
    clause, args = where(q)
    if mode == "snippets" or mode == "facets":
        top = (f"SELECT ext_id, title, snippet(docs, {BODY_COLUMN}, '<b>', '</b>', '…', 24)"
               f" FROM docs WHERE {clause} ORDER BY rank LIMIT 10")
    else:
        top = f"SELECT ext_id, title FROM docs WHERE {clause} ORDER BY rank LIMIT 10"
    hits = con.execute(top, args).fetchall()
    if mode == "bare_topk":
        return len(hits)
    if mode == "facets":
        con.execute(f"SELECT source, count(*) AS c FROM docs WHERE {clause}"
                    f" GROUP BY source ORDER BY c DESC, source LIMIT 10", args).fetchall()
        months = con.execute(f"SELECT substr(day, 1, 7) AS m, count(*) FROM docs WHERE {clause}"
                             f" GROUP BY m ORDER BY m", args).fetchall()
        return sum(c for _, c in months)
    return con.execute(f"SELECT count(*) FROM docs WHERE {clause}", args).fetchone()[0]


def connect(db):
    con = sqlite3.connect(db, check_same_thread=False)
    con.execute("PRAGMA cache_size=-262144")
    con.execute("PRAGMA mmap_size=4294967296")
    return con


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    rank = -(-p * len(sorted_values) // 100)
    return sorted_values[max(0, min(len(sorted_values), int(rank)) - 1)]


def summary(ms):
    v = sorted(ms)
    return {"n": len(v), "p50": percentile(v, 50), "p99": percentile(v, 99),
            "mean": sum(v) / len(v) if v else 0, "max": v[-1] if v else 0}


def throughput(db, queries, mode, seconds):
    ordinary = [q for q in queries if q["kind"] != "frequent_phrase"]
    if not ordinary:
        return 0.0
    done = [0, 0]
    deadline = time.perf_counter() + seconds

    def work(t):
        con = connect(db)
        i = t * len(ordinary) // 2
        while time.perf_counter() < deadline:
            search(con, ordinary[i % len(ordinary)], mode)
            done[t] += 1
            i += 1
        con.close()

    start = time.perf_counter()
    threads = [threading.Thread(target=work, args=(t,)) for t in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(done) / (time.perf_counter() - start)


def run_search(db, queries_file, out, budget, tp_seconds):
    with open(queries_file, encoding="utf-8") as f:
        queries = [json.loads(line) for line in f if line.strip()]
    con = connect(db)
    result = {"system": "fts5", "corpus": corpus_name(queries_file), "modes": {},
              "sqlite_version": sqlite3.sqlite_version}
    for mode in ("bare", "bare_topk", "snippets", "facets"):
        # warm up for half the budget, going over the queries again if there is time left
        t0 = time.perf_counter()
        warmed = 0
        while time.perf_counter() - t0 <= budget / 2:
            for q in queries:
                search(con, q, mode)
                warmed += 1
                if time.perf_counter() - t0 > budget / 2:
                    break
        by_kind = {}
        totals = []
        t0 = time.perf_counter()
        for q in queries:
            s = time.perf_counter()
            total = search(con, q, mode)
            ms = (time.perf_counter() - s) * 1000
            by_kind.setdefault(q["kind"], []).append(ms)
            totals.append([q["qid"], total])
            if time.perf_counter() - t0 > budget:
                break
        latency = {k: summary(v) for k, v in by_kind.items()}
        latency["all"] = summary([x for k, v in by_kind.items() if k != "frequent_phrase" for x in v])
        m = {"warmup_queries": warmed, "totals": totals, "latency_ms": latency}
        m["throughput_qps_2_threads"] = throughput(db, queries, mode, tp_seconds)
        result["modes"][mode] = m
        print(f"fts5 {result['corpus']} {mode}: p50 {latency['all']['p50']:.2f} ms,"
              f" p99 {latency['all']['p99']:.2f} ms (n={latency['all']['n']}),"
              f" {m['throughput_qps_2_threads']:.1f} q/s on 2 threads", flush=True)
    con.close()
    result["peak_rss_kb"] = peak_rss_kb()
    with open(out, "w") as f:
        json.dump(result, f, indent=1)


def main(argv):
    if len(argv) >= 4 and argv[0] == "index":
        index(argv[1], argv[2], argv[3])
    elif len(argv) >= 6 and argv[0] == "search":
        run_search(argv[1], argv[2], argv[3], float(argv[4]), float(argv[5]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
