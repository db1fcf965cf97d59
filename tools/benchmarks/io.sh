#!/usr/bin/env bash
# Reader and writer benchmark (release build): `ScrapeInputReader` over .warc.gz, .warc, .jsonl.gz
# and .warc.zst beside each file's plain decompressor, and `ShardedJSONLWriter` (gzip, zstd at their
# default levels) beside the rate at which the whole-record pipeline produces JSON on one core.
# Each figure is measured beside its baseline in the same invocation (alternate rounds, thread CPU
# time), because these machines are noisy.
#
# usage: tools/benchmarks/io.sh [COUNT] [TEMPLATES] [SECONDS]   (default 1000 articles from
#        ../shared/corpus/aeb/html when present, else tools/sample-pages; 5 s per side and row)
# Appends the tables, with this command line, to BENCHMARKS.md.
# Smoke test (CI): BENCH_BUILD=debug BENCHMARKS_FILE=/dev/null tools/benchmarks/io.sh 40 "" 0.2
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
source "$(dirname "$0")/../lib/common.sh"

count="${1:-1000}"
templates="$(page_templates "${2:-}")"
seconds="${3:-5}"
scratch_dir presswork-io-bench

build="${BENCH_BUILD:-release}"
build_products "$build" presswork-io-bench

for format in warc.gz warc jsonl.gz; do
  python3 tools/gen_scrape.py --pages "$templates" --count "$count" --format "$format" \
    --out "$work/scrape.$format" --seed 4 2>/dev/null
done
zstd -q -3 "$work/scrape.warc" -o "$work/scrape.warc.zst"

load="$(load_average)"
"$bin/presswork-io-bench" --pages "$templates" --seconds "$seconds" --warc-gz "$work/scrape.warc.gz" \
  --warc "$work/scrape.warc" --jsonl-gz "$work/scrape.jsonl.gz" --warc-zst "$work/scrape.warc.zst" \
  >"$work/tables.md"

{
  echo
  echo "### Readers and writer: \`tools/benchmarks/io.sh${*:+ $*}\`"
  echo
  echo "$count articles generated from $templates (\`gen_scrape.py --seed 4\`, gzip level 1; .warc.zst"
  echo "with \`zstd -3\`), $seconds s of CPU per side and row; load average at the start: $load."
  echo
  cat "$work/tables.md"
} | tee "$work/section.md"
cat "$work/section.md" >>"$(benchmarks_file)"
