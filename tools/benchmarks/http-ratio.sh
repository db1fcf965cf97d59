#!/usr/bin/env bash
# A run over HTTP against the same run on the local files, timed in the same script run: FILES
# WARC.gz files of COUNT articles each, served by nginx on a free loopback port; then ROUNDS times,
# interleaved, `presswork run FILE… --workers 2` and `presswork run URL… --workers 2` (remote
# .warc.gz inputs are split jobs by default: the workers fetch their ranges; EXTRA='…' adds flags to
# both runs, e.g. EXTRA='--split-mb 16'). Prints each round's seconds, the median ratio (local
# seconds / HTTP seconds: 1 means HTTP is as fast; issue 13's target is at least 0.9), the bytes
# nginx sent per HTTP run against the crawl's size, and whether both runs wrote the same records
# (sources as file names); appends the table with this command line to BENCHMARKS.md.
# usage: tools/benchmarks/http-ratio.sh [COUNT] [FILES] [ROUNDS] [TEMPLATES]
#        (default 1500 articles, 2 files, 3 rounds; ../shared/corpus/aeb/html when present)
# Smoke test: BENCH_BUILD=debug BENCHMARKS_FILE=/dev/null tools/benchmarks/http-ratio.sh 50 2 1
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
source "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/nginx.sh
source "$(dirname "$0")/../lib/nginx.sh"

count="${1:-1500}"
files="${2:-2}"
rounds="${3:-3}"
templates="$(page_templates "${4:-}")"
scratch_dir presswork-http-ratio
build_products "${BENCH_BUILD:-release}" presswork

mkdir -p "$work/www"
local_files=()
urls=()
for i in $(seq "$files"); do
  python3 tools/gen_scrape.py --pages "$templates" --count "$count" --format warc.gz --seed "$((40 + i))" \
    --out "$work/www/crawl-$i.warc.gz" 2>/dev/null
  local_files+=("$work/www/crawl-$i.warc.gz")
done
start_nginx "$work/www"
trap 'kill "$nginx_pid" 2>/dev/null; rm -rf "$work"' EXIT
for i in $(seq "$files"); do urls+=("${nginx_url}crawl-$i.warc.gz"); done

read -r -a extra <<<"${EXTRA:-}"
timed() {
  local out="$1" start end
  shift
  rm -rf "$out"
  start=$(date +%s.%N)
  "$bin/presswork" run "$@" "${extra[@]}" -o "$out" --workers 2 --quiet >/dev/null 2>"$out.err" || true
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.2f}')"
}
rows=""
for round in $(seq "$rounds"); do
  here=$(timed "$work/local" "${local_files[@]}")
  : >"$nginx_log"
  there=$(timed "$work/http" "${urls[@]}")
  sent=$(nginx_bytes_sent '\.warc\.gz')
  requests=$(grep -c '\.warc\.gz' "$nginx_log" || true)
  rows+="$round $here $there $sent $requests"$'\n'
done

python3 - "$work" "$count" "$files" "$(load_average)" "$templates" "$*" "${EXTRA:-}" <<PY | tee "$work/table.md"
import glob, gzip, json, os, statistics, sys
work, count, files, load, templates, args, extra = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), *sys.argv[4:]
def records(out):
    lines = []
    for shard in glob.glob(os.path.join(out, "shard-*.jsonl.gz")):
        for line in gzip.open(shard, "rt"):
            record = json.loads(line)
            record["source"] = os.path.basename(record.get("source", ""))
            lines.append(json.dumps(record, sort_keys=True))
    return sorted(lines)
local, remote = records(os.path.join(work, "local")), records(os.path.join(work, "http"))
rows = [line.split() for line in """$rows""".strip().splitlines()]
ratios = [float(here) / float(there) for _, here, there, _, _ in rows]
crawl = sum(os.path.getsize(p) for p in glob.glob(os.path.join(work, "www", "crawl-*.warc.gz")))
print(f"\n### A run over HTTP (nginx on loopback) against the same run on the files: "
      f"\`tools/benchmarks/http-ratio.sh{' ' + args if args else ''}\`{' EXTRA=' + repr(extra) if extra else ''}")
print(f"\n{files} WARC.gz files of {count} articles from {templates} ({crawl / 1e6:.1f} MB), "
      f"\`presswork run … --workers 2\`, interleaved rounds, load average at the end: {load}. "
      f"Ratio = local s / HTTP s (1: HTTP as fast as the files).\n")
print("| round | local files s | HTTP s | ratio | bytes nginx sent / crawl | GETs + HEADs |")
print("| --- | --- | --- | --- | --- | --- |")
for (round_, here, there, sent, requests), ratio in zip(rows, ratios):
    print(f"| {round_} | {here} | {there} | {ratio:.2f} | {int(sent) / crawl:.3f} | {requests} |")
print(f"| median | | | {statistics.median(ratios):.2f} | | |")
print(f"\nRecords: {len(remote)} over HTTP, {len(local)} from the files, identical: "
      f"{'yes' if remote == local and local else 'NO'}.")
PY
{
  cat "$work/table.md"
} >>"$(benchmarks_file)"
