#!/usr/bin/env bash
# CI quality gate: runs the evaluator on ../shared/corpus/aeb (beside the repository) and fails when
# any score drops below its floor pinned in tools/quality-floor.json: the main-text F1/P/R, the
# record fields of the field gold set (title, published, language, authors) and quotes, speakers
# and entities of the quote/entity gold set (both gold sets in Tests/ArticlePipelineTests/Gold).
#
# A debug build is used on purpose: CI has already built the package in debug for the tests, so
# this only links one small executable, and the evaluator's 181 pages take seconds even in debug.
# When a figure rises, raise its floor in the same change (see the comment in the floor file).
# FLOOR=path runs the gate against another floor file (to see it fail, for instance).
set -euo pipefail
cd "$(dirname "$0")/.."

corpus="../shared/corpus/aeb"
if [ ! -d "$corpus/html" ] || [ ! -d "$corpus/gold" ]; then
  echo "quality gate skipped: $corpus (beside the repository) is absent"
  exit 0
fi

swift build --product presswork-eval ${BUILD_FLAGS:---explicit-target-dependency-import-check error}
bin="$(swift build --show-bin-path)/presswork-eval"
"$bin" "$corpus" --worst 10 --floor "${FLOOR:-tools/quality-floor.json}"
