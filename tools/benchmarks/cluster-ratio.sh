#!/usr/bin/env bash
# The end-to-end ratio alone, made robust against a noisy machine: ROUNDS times in a row, the
# in-memory pipeline on 2 cores (two processes on every article of the scrape, pages → JSON lines)
# and then `presswork run` with 2 workers × 1 thread on the same scrape, for each format; prints
# every round's ratio and the median, and appends the table with this command line to BENCHMARKS.md.
#
# usage: tools/benchmarks/cluster-ratio.sh [COUNT] [ROUNDS] [TEMPLATES]   (default 10000 articles, 3 rounds,
#        ../shared/corpus/aeb/html when present, else tools/sample-pages)
# The baseline holds every page in memory: COUNT × ~175 KB per process with the AEB pages.
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
source "$(dirname "$0")/../lib/common.sh"

count="${1:-10000}"
rounds="${2:-3}"
templates="$(page_templates "${3:-}")"
scratch_dir presswork-ratio
build="${BENCH_BUILD:-release}"
bench_seconds="${BENCH_SECONDS:-10}"
build_products "$build" presswork presswork-bench

python3 tools/gen_scrape.py --pages "$templates" --count "$count" --format warc.gz --out "$work/s.warc.gz" \
  --seed 21 2>/dev/null
zcat "$work/s.warc.gz" >"$work/s.warc"

baseline() {
  local pids=()
  for i in 1 2; do
    "$bin/presswork-bench" --scrape "$work/s.warc" --limit "$count" --stage line --seconds "$bench_seconds" \
      --json >"$work/bench-$i.json" &
    pids+=($!)
  done
  wait "${pids[@]}"
  python3 -c "import json; print(sum(json.load(open('$work/bench-%d.json' % i))['pages_per_second'] for i in (1, 2)))"
}

run() {
  rm -rf "$work/out"
  local start end
  start=$(date +%s.%N)
  "$bin/presswork" run "$1" -o "$work/out" --workers 2 --threads 1 --quiet >"$work/run.out" 2>/dev/null || true
  end=$(date +%s.%N)
  python3 -c "
import re
out = open('$work/run.out').read()
n = int(re.search(r'records written:\s+(\d+)', out).group(1)) + int(re.search(r'failures:\s+(\d+)', out).group(1))
print(n / ($end - $start))"
}

rows=""
for round in $(seq "$rounds"); do
  b=$(baseline)
  gz=$(run "$work/s.warc.gz")
  plain=$(run "$work/s.warc")
  rows+="$round $b $gz $plain"$'\n'
done

load="$(load_average)"
python3 - "$count" "$templates" "$load" "$*" <<PY | tee "$work/table.md"
import statistics, sys
count, templates, load, args = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
rows = [line.split() for line in """$rows""".strip().splitlines()]
print(f"\n### End-to-end ratio, interleaved rounds: \`tools/benchmarks/cluster-ratio.sh{' ' + args if args else ''}\`")
print(f"\n{count} articles from {templates} (seed 21), jobs by reference (the default of \`presswork run\`);")
print(f"each round: the in-memory pipeline on 2 cores, then the runs; load average at the end: {load}.\n")
print("| round | in-memory pipeline, 2 cores (articles/s) | .warc.gz run | ratio | .warc run | ratio |")
print("| --- | --- | --- | --- | --- | --- |")
gz_ratios, plain_ratios = [], []
for r, b, gz, plain in rows:
    b, gz, plain = float(b), float(gz), float(plain)
    gz_ratios.append(gz / b)
    plain_ratios.append(plain / b)
    print(f"| {r} | {b:.0f} | {gz:.0f} | {gz / b:.2f} | {plain:.0f} | {plain / b:.2f} |")
print(f"| median | | | {statistics.median(gz_ratios):.2f} | | {statistics.median(plain_ratios):.2f} |")
PY
{
  echo
  cat "$work/table.md"
} >>"$(benchmarks_file)"
