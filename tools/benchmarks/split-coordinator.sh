#!/usr/bin/env bash
# Coordinator CPU per GB of WARC.gz with split jobs (issue 13's target: at most 1% of the CPU time
# one core takes to decode that GB). Runs `presswork run --empty-pipeline` (the workers still read
# and inflate every record; only the extraction is skipped, so runs are short) on a generated
# WARC.gz, with splits (--split-mb 64) and without (--split-mb 0: the coordinator decodes every
# record head), and reads the coordinator's CPU time from its `run complete` line; beside it, the
# CPU time `gzip -dc` takes to decode the same file.
#
# usage: tools/benchmarks/split-coordinator.sh [COUNT] [TEMPLATES]   (default 25000 articles
#        from ../shared/corpus/aeb/html when present, else tools/sample-pages)
# Appends the table, with this command line, to BENCHMARKS.md.
# Smoke test (CI): BENCH_BUILD=debug BENCHMARKS_FILE=/dev/null tools/benchmarks/split-coordinator.sh 200
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
source "$(dirname "$0")/../lib/common.sh"

count="${1:-25000}"
templates="$(page_templates "${2:-}")"
scratch_dir presswork-split-bench

build="${BENCH_BUILD:-release}"
build_products "$build" presswork

scrape="$work/scrape.warc.gz"
python3 tools/gen_scrape.py --pages "$templates" --count "$count" --format warc.gz --out "$scrape" \
  --seed 5 --level 6 >/dev/null 2>&1
bytes="$(stat -c %s "$scrape")"

# cpu_seconds COMMAND…: user + system CPU seconds COMMAND took (its output discarded).
cpu_seconds() {
  python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(usage.ru_utime + usage.ru_stime)' "$@"
}

decode="$(cpu_seconds gzip -dc "$scrape")"

# coordinator_cpu SPLIT_MB: the coordinator's CPU seconds in a run (its `run complete` line).
coordinator_cpu() {
  local log="$work/run-$1.log"
  rm -rf "$work/out"
  "$bin/presswork" run "$scrape" -o "$work/out" --workers 2 --empty-pipeline --quiet \
    --split-mb "$1" --log-level info >/dev/null 2>"$log" || true
  grep 'run complete' "$log" | grep -o 'cpu_s=[0-9.]*' | cut -d= -f2
}

with_splits="$(coordinator_cpu 64)"
without_splits="$(coordinator_cpu 0)"
per_gb() { echo "$1 * 1000000000 / $bytes" | bc -l; }
share() { if [ "$(echo "$decode > 0" | bc)" = 1 ]; then echo "100 * $1 / $decode" | bc -l; else echo 0; fi; }

table="$(
  printf '| coordinator | CPU s | CPU s per GB of WARC.gz | %% of one core decoding it |\n'
  printf '| --- | --- | --- | --- |\n'
  printf '| gzip -dc (decoding the file, the yardstick) | %.2f | %.1f | 100 |\n' "$decode" "$(per_gb "$decode")"
  printf '| splits (--split-mb 64) | %.2f | %.2f | %.2f |\n' "$with_splits" "$(per_gb "$with_splits")" \
    "$(share "$with_splits")"
  printf '| record heads (--split-mb 0) | %.2f | %.2f | %.2f |\n' "$without_splits" \
    "$(per_gb "$without_splits")" "$(share "$without_splits")"
)"
echo "$table"
{
  printf '\n### Coordinator CPU with split jobs (%s articles, %s bytes of WARC.gz, %s build, load %s)\n\n' \
    "$count" "$bytes" "$build" "$(load_average)"
  printf "Command: \`tools/benchmarks/split-coordinator.sh %s\`. The coordinator CPU includes its start,\n" "$*"
  printf "its polling loop for the whole run and the final commit; \`--empty-pipeline\` workers.\n\n"
  echo "$table"
} >>"$(benchmarks_file)"
