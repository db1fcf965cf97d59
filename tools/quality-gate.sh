#!/usr/bin/env bash
# CI quality gate: runs the extraction evaluator on ../shared/corpus/aeb (beside the repository) and
# fails when a score drops below the floor pinned in tools/quality-floor.json.
#
# A debug build is used on purpose: CI has already built the package in debug for the tests, so
# this only links one small executable, and the evaluator's 181 pages take seconds even in debug.
# When the figure rises, raise the floor in the same change (measured figure minus 0.002, rounded down).
set -euo pipefail
cd "$(dirname "$0")/.."

corpus="../shared/corpus/aeb"
if [ ! -d "$corpus/html" ] || [ ! -d "$corpus/gold" ]; then
  echo "quality gate skipped: $corpus (beside the repository) is absent"
  exit 0
fi

swift build --product presswork-eval ${BUILD_FLAGS:---explicit-target-dependency-import-check error}
bin="$(swift build --show-bin-path)/presswork-eval"
"$bin" "$corpus" --worst 10 --floor tools/quality-floor.json
