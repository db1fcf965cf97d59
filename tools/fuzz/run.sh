#!/usr/bin/env bash
# Builds the libFuzzer target (ArticlePipeline sources + FuzzTarget.swift, with AddressSanitizer)
# and runs it for SECONDS (default 60), seeded with the test fixtures and, when present, the AEB
# pages (inputs cut to FUZZ_MAX_LEN bytes, default 20000, for speed). Crashes and hangs (over 10 s
# for one input) are written to the work folder's artifacts/ and fail the run.
# usage: tools/fuzz/run.sh [SECONDS] [WORK_DIR]      (work dir default: $TMPDIR/presswork-fuzz)
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
source "$(dirname "$0")/../lib/common.sh"
seconds="${1:-60}"
work="${2:-${TMPDIR:-/tmp}/presswork-fuzz}"
mkdir -p "$work/corpus" "$work/artifacts"

mapfile -t sources < <(find Sources/ArticlePipeline -name '*.swift' | sort)
swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name ArticlePipeline \
  -o "$work/fuzz-pipeline" tools/fuzz/FuzzTarget.swift "${sources[@]}"

cp Tests/ArticlePipelineTests/Fixtures/*.html "$work/corpus/" 2>/dev/null || true
if [ -d ../shared/corpus/aeb/html ]; then
  find ../shared/corpus/aeb/html -name '*.html' -size -200k | head -40 | xargs -I{} cp {} "$work/corpus/"
fi
"$work/fuzz-pipeline" "$work/corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len="${FUZZ_MAX_LEN:-20000}" -artifact_prefix="$work/artifacts/" -print_final_stats=1
