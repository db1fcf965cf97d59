#!/usr/bin/env bash
# A small scrape read from an S3-compatible store against the same run on the local files, timed
# in the same script run: FILES WARC.gz files of COUNT articles each are uploaded to a moto server
# (tools/setup/install-test-servers.sh installs it) on a free loopback port; then ROUNDS times,
# interleaved, `presswork run FILE… --workers 2` and `presswork run s3://bench/crawl/
# --s3-endpoint … --workers 2` with signed requests (SPLIT=1: `--split-remote` too, the workers
# fetching ranges). Prints each round's seconds, the median ratio (local seconds / S3 seconds: 1
# means S3 is as fast) and whether both runs wrote the same records (sources as file names).
# usage: tools/benchmarks/s3-ratio.sh [COUNT] [FILES] [ROUNDS]   (default 500 articles, 2 files, 3 rounds)
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
source "$(dirname "$0")/../lib/common.sh"

count="${1:-500}"
files="${2:-2}"
rounds="${3:-3}"
venv="${PRESSWORK_MOTO_VENV:-${TMPDIR:-/tmp}/presswork-moto-venv}"
[ -x "$venv/bin/moto_server" ] || bash tools/setup/install-test-servers.sh
scratch_dir presswork-s3-ratio
build_products "${BENCH_BUILD:-release}" presswork

local_files=()
for i in $(seq "$files"); do
  python3 tools/gen_scrape.py --pages "$(page_templates "")" --count "$count" --format warc.gz --seed "$((30 + i))" \
    --out "$work/crawl-$i.warc.gz" 2>/dev/null
  local_files+=("$work/crawl-$i.warc.gz")
done
port="$(python3 -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")"
"$venv/bin/moto_server" -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto=$!
trap 'kill "$moto" 2>/dev/null; rm -rf "$work"' EXIT
export AWS_ACCESS_KEY_ID=AKIDPRESSWORKBENCH AWS_SECRET_ACCESS_KEY=any-secret-moto-takes AWS_REGION=us-east-1
"$venv/bin/python" - "http://127.0.0.1:$port" "${local_files[@]}" <<'PY'
import os, sys, time, boto3
endpoint = sys.argv[1]
s3 = boto3.client("s3", endpoint_url=endpoint)
for _ in range(100):
    try:
        s3.create_bucket(Bucket="bench")
        break
    except Exception:
        time.sleep(0.1)
for path in sys.argv[2:]:
    s3.upload_file(path, "bench", "crawl/" + os.path.basename(path))
PY

split=()
[ "${SPLIT:-0}" = 1 ] && split=(--split-remote --split-mb 1)
timed() {
  local out="$1" start end
  shift
  rm -rf "$out"
  start=$(date +%s.%N)
  "$bin/presswork" run "$@" -o "$out" --workers 2 --quiet >/dev/null 2>"$out.err" || true
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.2f}')"
}
rows=""
for round in $(seq "$rounds"); do
  here=$(timed "$work/local" "${local_files[@]}")
  there=$(timed "$work/s3" s3://bench/crawl/ --s3-endpoint "http://127.0.0.1:$port" "${split[@]}")
  rows+="$round $here $there"$'\n'
done

python3 - "$work" "$count" "$files" "$(load_average)" "${SPLIT:-0}" <<PY
import glob, gzip, json, os, statistics, sys
work, count, files, load, split = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
def records(out):
    lines = []
    for shard in glob.glob(os.path.join(out, "shard-*.jsonl.gz")):
        for line in gzip.open(shard, "rt"):
            record = json.loads(line)
            record["source"] = os.path.basename(record.get("source", ""))
            lines.append(json.dumps(record, sort_keys=True))
    return sorted(lines)
local, remote = records(os.path.join(work, "local")), records(os.path.join(work, "s3"))
rows = [line.split() for line in """$rows""".strip().splitlines()]
ratios = [float(here) / float(there) for _, here, there in rows]
megabytes = sum(os.path.getsize(p) for p in glob.glob(os.path.join(work, "crawl-*.warc.gz"))) / 1e6
print(f"s3 vs local files, {files} x {count} articles ({megabytes:.1f} MB of WARC.gz), 2 workers, "
      f"split jobs: {'yes' if split == '1' else 'no'}, load {load}")
for (round_, here, there), ratio in zip(rows, ratios):
    print(f"round {round_}: local {here} s, s3 {there} s, ratio {ratio:.2f}")
print(f"median ratio (local s / s3 s): {statistics.median(ratios):.2f}; records: {len(remote)} from s3, "
      f"{len(local)} local, identical: {'yes' if remote == local and local else 'NO'}")
PY
