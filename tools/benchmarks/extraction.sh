#!/usr/bin/env bash
# Extraction benchmark: presswork's HTML main-text extraction beside trafilatura and resiliparse on
# the same pages, in the same run, one core each (every extractor runs single-threaded; pages are
# read into memory first); then presswork's whole record (with enrichment) for reference.
#
# usage: tools/benchmarks/extraction.sh [CORPUS] [SECONDS]     (default ../shared/corpus/aeb, 10 s per extractor)
# The peers run from a venv OUTSIDE the repository (default: $TMPDIR/presswork-peers-venv, created
# on first use with pip from PyPI); set PRESSWORK_PEERS_VENV to use another one.
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
source "$(dirname "$0")/../lib/common.sh"

corpus="${1:-$AEB_CORPUS}"
seconds="${2:-10}"
venv="$PEERS_VENV"
require_paths "benchmark" "$corpus/html"

build_products release presswork-bench presswork-eval
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q trafilatura resiliparse lxml_html_clean
fi

ours_speed="$("$bin/presswork-bench" "$corpus" --seconds "$seconds" --stage extract --json)"
ours_record="$("$bin/presswork-bench" "$corpus" --seconds "$seconds" --stage record --json)"
ours_quality="$("$bin/presswork-eval" "$corpus" --json --worst 0)"
peers="$("$venv/bin/python" tools/peers/peer_bench.py "$corpus" --seconds "$seconds" --json)"

python3 - "$ours_speed" "$ours_quality" "$peers" "$ours_record" <<'PY'
import json, sys
speed, quality, peers = json.loads(sys.argv[1]), json.loads(sys.argv[2]), json.loads(sys.argv[3])
record = json.loads(sys.argv[4])
text = quality["fields"]["text"]
rows = [{"extractor": "presswork main text (this build)", "pages_per_second": speed["pages_per_second"],
         "f1": text["f1"], "precision": text["precision"], "recall": text["recall"]}] + peers
ours = rows[0]["pages_per_second"]
print(f"{speed['pages']} pages, one core, pages in memory")
print("| extractor | F1 | P | R | pages/s (1 core) | presswork speed ÷ this |")
print("| --- | --- | --- | --- | --- | --- |")
for row in rows:
    ratio = ours / row["pages_per_second"] if row["pages_per_second"] else float("inf")
    print(f"| {row['extractor']} | {row['f1']:.3f} | {row['precision']:.3f} | {row['recall']:.3f} "
          f"| {row['pages_per_second']:.0f} | {ratio:.1f}× |")
print(f"presswork whole record (parse, extract, enrich, JSON-ready record): "
      f"{record['pages_per_second']:.0f} pages/s")
PY
