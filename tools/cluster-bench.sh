#!/usr/bin/env bash
# Cluster benchmark (release build): `presswork run` end to end with 1 and 2 workers beside the
# in-memory pipeline on the same number of cores, the transport ceiling (workers with an empty
# pipeline), and every process's peak RSS at 1x and 10x the scrape size. Each figure is measured
# beside its baseline in the same invocation, because these machines are noisy.
#
# usage: tools/cluster-bench.sh [COUNT] [TEMPLATES]   (default 2000 articles from
#        ../shared/corpus/aeb/html when present, else tools/sample-pages)
# Appends the table, with this command line, to BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."

count="${1:-2000}"
templates="${2:-../shared/corpus/aeb/html}"
[ -d "$templates" ] || templates="tools/sample-pages"
work="$(mktemp -d "${TMPDIR:-/tmp}/presswork-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

swift build -c release --product presswork >/dev/null
swift build -c release --product presswork-bench >/dev/null
bin="$(swift build -c release --show-bin-path)"

python3 tools/gen_scrape.py --pages "$templates" --count "$count" --format warc.gz --out "$work/1x.warc.gz" \
  --seed 11 2>/dev/null
python3 tools/gen_scrape.py --pages "$templates" --count $((count * 10)) --format warc.gz \
  --out "$work/10x.warc.gz" --seed 12 2>/dev/null

# In-memory pipeline: one process per core on the template pages, rates summed.
baseline() {
  local cores="$1" pids=() total=0
  for i in $(seq "$cores"); do
    "$bin/presswork-bench" "$templates" --seconds 8 --json >"$work/bench-$cores-$i.json" &
    pids+=($!)
  done
  wait "${pids[@]}"
  for i in $(seq "$cores"); do
    total=$(python3 -c "import json,sys; print($total + json.load(open('$work/bench-$cores-$i.json'))['pages_per_second'])")
  done
  echo "$total"
}

# One local run; prints "articles/s peak-rss-json".
run() {
  local scrape="$1" workers="$2" extra="${3:-}"
  rm -rf "$work/out"
  local start end
  start=$(date +%s.%N)
  # shellcheck disable=SC2086
  "$bin/presswork" run "$scrape" -o "$work/out" --workers "$workers" --threads 1 --shards 16 --quiet \
    --log-level info $extra >"$work/run.out" 2>"$work/run.err" || true
  end=$(date +%s.%N)
  python3 - "$work/run.err" "$work/run.out" "$start" "$end" <<'PY'
import json, re, sys
err, out, start, end = open(sys.argv[1]).read(), open(sys.argv[2]).read(), float(sys.argv[3]), float(sys.argv[4])
records = int(re.search(r"records written:\s+(\d+)", out).group(1))
failures = int(re.search(r"failures:\s+(\d+)", out).group(1))
rss = {"coordinator": 0, "collector": 0, "workers": []}
for line in err.splitlines():
    m = re.search(r"peak_rss_mb=(\d+)", line)
    if not m:
        continue
    if "run complete" in line: rss["coordinator"] = int(m.group(1))
    elif "collector finished" in line: rss["collector"] = int(m.group(1))
    elif "worker finished" in line: rss["workers"].append(int(m.group(1)))
print(json.dumps({"per_second": (records + failures) / (float(end) - float(start)), "rss": rss,
                  "articles": records + failures}))
PY
}

b1=$(baseline 1)
b2=$(baseline 2)
r1=$(run "$work/1x.warc.gz" 1)
r2=$(run "$work/1x.warc.gz" 2)
empty=$(run "$work/1x.warc.gz" 2 --empty-pipeline)
big=$(run "$work/10x.warc.gz" 2)

python3 - "$count" "$templates" "$b1" "$b2" "$r1" "$r2" "$empty" "$big" "$*" <<'PY' | tee "$work/table.md"
import json, sys
count, templates, b1, b2 = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
r1, r2, empty, big = (json.loads(a) for a in sys.argv[5:9])
args = sys.argv[9]
print(f"\n### Cluster: `tools/cluster-bench.sh {args}`".rstrip())
print(f"\n{count} articles (WARC.gz from {templates}); wall time from start to exit, process start-up included.\n")
print("| measurement | articles/s | baseline (same run) | ratio |")
print("| --- | --- | --- | --- |")
print(f"| `presswork run`, 1 worker × 1 thread | {r1['per_second']:.0f} | in-memory pipeline, 1 core: {b1:.0f} | {r1['per_second']/b1:.2f} |")
print(f"| `presswork run`, 2 workers × 1 thread | {r2['per_second']:.0f} | in-memory pipeline, 2 cores: {b2:.0f} | {r2['per_second']/b2:.2f} |")
print(f"| transport ceiling (2 workers, empty pipeline) | {empty['per_second']:.0f} | pipeline, 2 cores: {b2:.0f} | {empty['per_second']/b2:.1f}× |")
print()
print("| peak RSS (MB) | coordinator | collector | workers |")
print("| --- | --- | --- | --- |")
for name, r in (("1×, 2 workers", r2), (f"10× ({big['articles']} articles), 2 workers", big)):
    rss = r["rss"]
    print(f"| {name} | {rss['coordinator']} | {rss['collector']} | {', '.join(map(str, rss['workers']))} |")
PY
{
  echo
  cat "$work/table.md"
} >>BENCHMARKS.md
