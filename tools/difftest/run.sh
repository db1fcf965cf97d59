#!/usr/bin/env bash
# Differential parse test: our tree's text content against html5lib's, for every page of CORPUS.
# usage: tools/difftest/run.sh [CORPUS]   (default ../shared/corpus/aeb; venv as in tools/benchmarks/extraction.sh)
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
source "$(dirname "$0")/../lib/common.sh"
corpus="${1:-$AEB_CORPUS}"
venv="$PEERS_VENV"
require_paths "differential test" "$corpus/html"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q html5lib
fi
"$venv/bin/python" -c "import html5lib" 2>/dev/null || "$venv/bin/pip" install -q html5lib
swift build -c release --product presswork-eval >/dev/null
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$(swift build -c release --show-bin-path)/presswork-eval" "$corpus" --dump-text "$out"
"$venv/bin/python" tools/difftest/compare_parsers.py "$corpus" "$out"
