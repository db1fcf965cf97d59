#!/usr/bin/env bash
# Cluster benchmark (release build): `presswork run` end to end with 1 and 2 workers beside the
# in-memory pipeline on the same number of cores, the transport ceiling (workers with an empty
# pipeline), and every process's peak RSS at 1x and 10x the scrape size. Each figure is measured
# beside its baseline in the same invocation, because these machines are noisy.
#
# usage: tools/benchmarks/cluster.sh [COUNT] [TEMPLATES]   (default 2000 articles from
#        ../shared/corpus/aeb/html when present, else tools/sample-pages)
# Appends the table, with this command line, to BENCHMARKS.md.
# Smoke test (CI): BENCH_BUILD=debug BENCH_SECONDS=1 BENCHMARKS_FILE=/dev/null tools/benchmarks/cluster.sh 40
# checks that every run completes and every figure parses, with numbers nobody should quote.
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
source "$(dirname "$0")/../lib/common.sh"

count="${1:-2000}"
templates="$(page_templates "${2:-}")"
scratch_dir presswork-bench

build="${BENCH_BUILD:-release}"
bench_seconds="${BENCH_SECONDS:-8}"
benchmarks="$(benchmarks_file)"
build_products "$build" presswork presswork-bench

python3 tools/gen_scrape.py --pages "$templates" --count "$count" --format warc.gz --out "$work/1x.warc.gz" \
  --seed 11 2>/dev/null
python3 tools/gen_scrape.py --pages "$templates" --count $((count * 10)) --format warc.gz \
  --out "$work/10x.warc.gz" --seed 12 2>/dev/null

# In-memory pipeline: one process per core, rates summed, on the articles of the same scrape (all
# of them: the pages the runs process; `cached` = the first 500 only, which fit in this machine's
# 260-MB L3 cache and run ~10% faster), each turned into its JSON line (the work a worker does,
# minus everything the cluster adds).
baseline() {
  local cores="$1" limit="${2:-$count}" pids=() total=0
  for i in $(seq "$cores"); do
    "$bin/presswork-bench" --scrape "$work/1x.warc" --limit "$limit" --stage line --seconds "$bench_seconds" \
      --json >"$work/bench-$cores-$i.json" &
    pids+=($!)
  done
  wait "${pids[@]}"
  for i in $(seq "$cores"); do
    total=$(python3 -c "import json,sys; print($total + json.load(open('$work/bench-$cores-$i.json'))['pages_per_second'])")
  done
  echo "$total"
}

# One local run; prints a JSON object: articles/s, input MB/s, peak RSS and CPU seconds per role.
run() {
  local scrape="$1" workers="$2" extra="${3:-}"
  rm -rf "$work/out"
  local start end
  start=$(date +%s.%N)
  # shellcheck disable=SC2086
  "$bin/presswork" run "$scrape" -o "$work/out" --workers "$workers" --threads 1 --shards 16 --quiet \
    --log-level info $extra >"$work/run.out" 2>"$work/run.err" || true
  end=$(date +%s.%N)
  python3 - "$work/run.err" "$work/run.out" "$start" "$end" "$scrape" <<'PY'
import json, os, re, sys
err, out = open(sys.argv[1]).read(), open(sys.argv[2]).read()
start, end, scrape = float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
records = int(re.search(r"records written:\s+(\d+)", out).group(1))
failures = int(re.search(r"failures:\s+(\d+)", out).group(1))
rss = {"coordinator": 0, "collector": 0, "workers": []}
cpu = {"coordinator": 0.0, "collector": 0.0, "workers": []}
for line in err.splitlines():
    m, c = re.search(r"peak_rss_mb=(\d+)", line), re.search(r"cpu_s=([\d.]+)", line)
    if not m:
        continue
    role = ("coordinator" if "run complete" in line else "collector" if "collector finished" in line
            else "workers" if "worker finished" in line else None)
    if role == "workers":
        rss["workers"].append(int(m.group(1)))
        done = re.search(r"articles=(\d+)", line)
        cpu["workers"].append((float(c.group(1)) if c else 0.0, int(done.group(1)) if done else 0))
    elif role:
        rss[role] = int(m.group(1))
        cpu[role] = float(c.group(1)) if c else 0.0
seconds = end - start
articles = records + failures
if not rss["coordinator"] or not rss["collector"] or not rss["workers"] or not cpu["coordinator"]:
    sys.exit(f"a role's closing log line (peak_rss_mb, cpu_s) is missing:\n{err[-2000:]}")
print(json.dumps({"per_second": articles / seconds, "rss": rss, "cpu": cpu, "articles": articles,
                  "mb_per_second": os.path.getsize(scrape) / seconds / 1e6, "seconds": seconds}))
PY
}

zcat "$work/1x.warc.gz" >"$work/1x.warc"
zcat "$work/10x.warc.gz" >"$work/10x.warc"
b1=$(baseline 1)
b2=$(baseline 2)
b2cached=$(baseline 2 500)
r1=$(run "$work/1x.warc.gz" 1)
r2=$(run "$work/1x.warc.gz" 2)
# Plain .warc: jobs carry references (file + byte range; the default of `presswork run`) or the
# bodies themselves (--inline-bodies, what a cluster without shared storage does).
r2plain=$(run "$work/1x.warc" 2)
r2inline=$(run "$work/1x.warc" 2 --inline-bodies)
empty=$(run "$work/1x.warc.gz" 2 --empty-pipeline)
emptyplain=$(run "$work/1x.warc" 2 --empty-pipeline)
emptyinline=$(run "$work/1x.warc" 2 "--empty-pipeline --inline-bodies")
big=$(run "$work/10x.warc.gz" 2)
bigplain=$(run "$work/10x.warc" 2)

python3 - "$count" "$templates" "$b1" "$b2" "$b2cached" "$r1" "$r2" "$r2plain" "$r2inline" "$empty" "$emptyplain" \
  "$emptyinline" "$big" "$bigplain" "$*" <<'PY' | tee "$work/table.md"
import json, sys
count, templates, b1, b2 = int(sys.argv[1]), sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
b2cached = float(sys.argv[5])
r1, r2, r2plain, r2inline, empty, emptyplain, emptyinline, big, bigplain = (
    json.loads(a) for a in sys.argv[6:15])
args = sys.argv[15]
batch = 64
print(f"\n### Cluster: `tools/benchmarks/cluster.sh {args}`".rstrip())
print(f"\n{count} articles from {templates}; wall time from start to exit, process start-up included.")
print(f"Baselines: the in-memory pipeline (pages → JSON lines) on all {count} articles of the 1× scrape;")
print(f"the cached one on its first 500 only, which fit in the L3 cache ({b2cached:.0f} articles/s on 2 cores).\n")
print("| measurement | articles/s | input MB/s | baseline (same run) | ratio | ratio to the cached baseline |")
print("| --- | --- | --- | --- | --- | --- |")
rows = [
    ("`presswork run` .warc.gz, 1 worker × 1 thread", r1, "in-memory pipeline, 1 core", b1),
    ("`presswork run` .warc.gz, 2 workers × 1 thread", r2, "in-memory pipeline, 2 cores", b2),
    ("`presswork run` .warc (references), 2 workers × 1 thread", r2plain, "in-memory pipeline, 2 cores", b2),
    ("`presswork run` .warc (bodies in jobs), 2 workers × 1 thread", r2inline, "in-memory pipeline, 2 cores",
     b2),
    (f"`presswork run` .warc.gz, 2 workers × 1 thread, 10× ({big['articles']} articles)", big,
     "in-memory pipeline, 2 cores", b2),
    (f"`presswork run` .warc (references), 2 workers × 1 thread, 10× ({bigplain['articles']} articles)",
     bigplain, "in-memory pipeline, 2 cores", b2),
]
for name, r, base, value in rows:
    cached = b2cached / 2 if value == b1 else b2cached
    print(f"| {name} | {r['per_second']:.0f} | {r['mb_per_second']:.0f} | {base}: {value:.0f} | "
          f"{r['per_second']/value:.2f} | {r['per_second']/cached:.2f} |")
for name, r in (("transport ceiling .warc.gz (2 workers, empty pipeline)", empty),
                ("transport ceiling .warc, references (2 workers, empty pipeline)", emptyplain),
                ("transport ceiling .warc, bodies in jobs (2 workers, empty pipeline)", emptyinline)):
    print(f"| {name} | {r['per_second']:.0f} ({r['per_second']/batch:.0f} jobs/s) | {r['mb_per_second']:.0f} "
          f"| pipeline, 2 cores: {b2:.0f} | {r['per_second']/b2:.1f}× | {r['per_second']/b2cached:.1f}× |")
print()
print("CPU seconds per 1,000 articles, by role (getrusage of each process; each worker per 1,000 of the")
print(f"articles it processed, pipeline included; the in-memory pipeline takes {1000 / b1:.2f} s):\n")
print("| run | coordinator | collector | workers (each) |")
print("| --- | --- | --- | --- |")
def per_k(r, x): return 1000 * x / r["articles"]
for name, r in (("2 workers, .warc.gz", r2), ("2 workers, .warc, references", r2plain),
                ("2 workers, .warc, bodies in jobs", r2inline), ("empty pipeline, .warc.gz", empty),
                ("empty pipeline, .warc, references", emptyplain),
                ("empty pipeline, .warc, bodies in jobs", emptyinline)):
    c = r["cpu"]
    workers = ", ".join(f"{1000 * w / n:.2f}" if n else "–" for w, n in c["workers"])
    print(f"| {name} | {per_k(r, c['coordinator']):.2f} | {per_k(r, c['collector']):.2f} | {workers} |")
print()
print("| peak RSS (MB) | coordinator | collector | workers |")
print("| --- | --- | --- | --- |")
for name, r in (("1× .warc.gz, 2 workers", r2), (f"10× .warc.gz ({big['articles']} articles), 2 workers", big),
                ("1× .warc (references), 2 workers", r2plain),
                (f"10× .warc (references, {bigplain['articles']} articles), 2 workers", bigplain)):
    rss = r["rss"]
    print(f"| {name} | {rss['coordinator']} | {rss['collector']} | {', '.join(map(str, rss['workers']))} |")
# Scaling projection: one coordinator core feeds 1000 / (its CPU s per 1,000 articles) articles/s,
# one collector core likewise; a worker core does b1 articles/s.
coord_k = per_k(r2, r2["cpu"]["coordinator"])
coll_k = per_k(r2, r2["cpu"]["collector"])
coord_plain_k = per_k(r2plain, r2plain["cpu"]["coordinator"])
print()
print("Scaling projection (one coordinator and one collector, each on its own core; a worker core "
      f"does {b1:.0f} articles/s of these pages):\n")
print("| role | CPU s per 1,000 articles | saturates at articles/s | worker cores it can feed |")
print("| --- | --- | --- | --- |")
coord_inline_k = per_k(r2inline, r2inline["cpu"]["coordinator"])
for name, k in (("coordinator, .warc.gz input", coord_k), ("coordinator, .warc input, references", coord_plain_k),
                ("coordinator, .warc input, bodies in jobs", coord_inline_k),
                ("collector (gzip output)", coll_k)):
    rate = 1000 / k if k > 0 else float("inf")
    print(f"| {name} | {k:.2f} | {rate:.0f} | {rate / b1:.0f} |")
PY
{
  echo
  cat "$work/table.md"
} >>"$benchmarks"
