#!/usr/bin/env bash
# Bytes a CDX selection fetches against the size of the crawl (issue 13's target: a selection of
# 1% of the records fetches at most 1.5% of the crawl's bytes). Generates FILES WARC.gz files of
# COUNT articles each and their CDX index (tools/cdx/make_cdx.py, relative names, gzip-compressed
# as crawls publish it), serves them with nginx on a free loopback port, and runs `presswork run
# --cdx INDEX-URL --base URL --url-regex='-[0-9]*00$' --workers 2` (every hundredth article: the
# generated URLs end in their number).
# Counts the bytes nginx sent for the WARC.gz files (and for the index) from its access log, the
# records written against the selected lines, and the jobs the coordinator cut (`split_jobs` of
# its summary), with the default batching and with a job per record (--cdx-job-records 1).
# usage: tools/benchmarks/cdx-fetch.sh [COUNT] [FILES] [TEMPLATES]
#        (default 2500 articles, 4 files: about 420 MB with ../shared/corpus/aeb/html)
# Appends the table, with this command line, to BENCHMARKS.md.
# Smoke test: BENCH_BUILD=debug BENCHMARKS_FILE=/dev/null tools/benchmarks/cdx-fetch.sh 300 2
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
source "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/nginx.sh
source "$(dirname "$0")/../lib/nginx.sh"

count="${1:-2500}"
files="${2:-4}"
templates="$(page_templates "${3:-}")"
scratch_dir presswork-cdx-fetch
build_products "${BENCH_BUILD:-release}" presswork

mkdir -p "$work/www"
names=()
for i in $(seq "$files"); do
  python3 tools/gen_scrape.py --pages "$templates" --count "$count" --format warc.gz --seed "$((60 + i))" \
    --start-date "20$((10 + i))-01-01" --out "$work/www/crawl-$i.warc.gz" 2>/dev/null
  names+=("crawl-$i.warc.gz")
done
make_cdx="$PWD/tools/cdx/make_cdx.py"
(cd "$work/www" && python3 "$make_cdx" --gzip "${names[@]}" >index.cdxj.gz)
start_nginx "$work/www"
trap 'kill "$nginx_pid" 2>/dev/null; rm -rf "$work"' EXIT

pattern='-[0-9]*00$'
selected=$(python3 - "$work/www/index.cdxj.gz" "$pattern" <<'PY'
import gzip, json, re, sys
pattern = re.compile(sys.argv[2])
print(sum(1 for line in gzip.open(sys.argv[1], "rt") if pattern.search(json.loads(line.split(" ", 2)[2])["url"])))
PY
)
indexed=$(gzip -dc "$work/www/index.cdxj.gz" | wc -l)

rows=""
for per_job in default 1; do
  : >"$nginx_log"
  flags=()
  [ "$per_job" = default ] || flags=(--cdx-job-records "$per_job")
  start=$(date +%s.%N)
  "$bin/presswork" run --cdx "${nginx_url}index.cdxj.gz" --base "$nginx_url" --url-regex="$pattern" \
    "${flags[@]}" -o "$work/out-$per_job" --workers 2 --log-level info >"$work/run-$per_job.out" \
    2>"$work/run-$per_job.err" || true
  end=$(date +%s.%N)
  warc=$(nginx_bytes_sent '\.warc\.gz')
  gets=$(grep -c '\.warc\.gz' "$nginx_log" || true)
  index=$(nginx_bytes_sent 'index\.cdxj')
  jobs=$(grep -o 'split_jobs=[0-9]*' "$work/run-$per_job.err" | tail -1 | cut -d= -f2)
  written=$(grep -o 'records written: *[0-9]*' "$work/run-$per_job.out" | grep -o '[0-9]*$')
  rows+="$per_job $warc $gets $index ${jobs:-?} ${written:-?} $(python3 -c "print(f'{$end - $start:.2f}')")"$'\n'
done

crawl=$(cat "$work"/www/crawl-*.warc.gz | wc -c)
python3 - "$crawl" "$indexed" "$selected" "$count" "$files" "$templates" "$(load_average)" "$*" <<PY |
import sys
crawl, indexed, selected, count, files = (int(x) for x in sys.argv[1:6])
templates, load, args = sys.argv[6:9]
rows = [line.split() for line in """$rows""".strip().splitlines()]
print(f"\n### Bytes a CDX selection of 1% fetches over HTTP: \`tools/benchmarks/cdx-fetch.sh{' ' + args if args else ''}\`")
print(f"\n{files} WARC.gz files of {count} articles from {templates}: {crawl:,} bytes, {indexed:,} records "
      f"indexed; \`--url-regex '$pattern'\` selects {selected} ({100 * selected / indexed:.2f}%); nginx on "
      f"loopback, \`presswork run --cdx URL --base URL … --workers 2\`; load average at the end: {load}.\n")
print("| jobs | WARC bytes fetched | share of the crawl | ranged GETs | index bytes (gzip) | jobs cut | records written | s |")
print("| --- | --- | --- | --- | --- | --- | --- | --- |")
for per_job, warc, gets, index, jobs, written, seconds in rows:
    name = "default batching (32 records, 8 MB)" if per_job == "default" else f"--cdx-job-records {per_job}"
    print(f"| {name} | {int(warc):,} | {100 * int(warc) / crawl:.2f}% | {gets} | {int(index):,} | {jobs} | "
          f"{written} | {seconds} |")
PY
  tee "$work/table.md"
cat "$work/table.md" >>"$(benchmarks_file)"
