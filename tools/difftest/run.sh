#!/usr/bin/env bash
# Differential parse test: our tree's text content against html5lib's, for every page of CORPUS.
# usage: tools/difftest/run.sh [CORPUS]   (default ../shared/corpus/aeb; venv as in tools/benchmark.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus="${1:-../shared/corpus/aeb}"
venv="${PRESSWORK_PEERS_VENV:-${TMPDIR:-/tmp}/presswork-peers-venv}"
if [ ! -d "$corpus/html" ]; then
  echo "differential test skipped: $corpus/html is absent"
  exit 0
fi
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
