#!/usr/bin/env bash
# The ssh launcher tested for real: two worker "hosts" and a hub, each a network namespace joined
# by veth links (10.232.N.0/24, inside the namespaces only). The coordinator and collector run in
# the hub; presswork-fleet reaches the hosts through netns-ssh instead of ssh and must start,
# report, stop and restart real workers that produce exactly the expected records.
# Exit 0: passed; 77: skipped (reason printed); anything else: failed.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${PRESSWORK_BIN:-.build/debug/presswork}
case $bin in /*) ;; *) bin=$root/$bin ;; esac
fleet=$root/deploy/ssh/presswork-fleet

skip() {
  echo "SKIP: $*"
  exit 77
}
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
[ -x "$bin" ] || skip "no presswork binary at $bin (swift build --product presswork, or set PRESSWORK_BIN)"
[ "$(id -u)" -eq 0 ] || skip "network namespaces need root"
command -v ip >/dev/null 2>&1 || skip "the ip tool (iproute2) is not installed"

tag=$(($$ % 100000))
hub=pwf${tag}h
leaves=("pwf${tag}a" "pwf${tag}b")
hosts=(alpha beta)
work=$(mktemp -d)
made=()
pids=()

cleanup() {
  local pid namespace file
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  for file in "$work"/run/worker-*.pid; do
    if [ -f "$file" ]; then kill -KILL "$(cat "$file")" 2>/dev/null || true; fi
  done
  for namespace in "${made[@]}"; do ip netns del "$namespace" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

ip netns add "$hub" 2>/dev/null || skip "cannot create network namespaces here"
made+=("$hub")
ip -n "$hub" link set lo up
for index in 0 1; do
  leaf=${leaves[$index]}
  net=10.232.$((index + 1))
  ip netns add "$leaf"
  made+=("$leaf")
  ip -n "$leaf" link set lo up
  ip link add "${hub}$index" netns "$hub" type veth peer name "${leaf}e" netns "$leaf"
  ip -n "$hub" addr add "$net.1/24" dev "${hub}$index"
  ip -n "$leaf" addr add "$net.2/24" dev "${leaf}e"
  ip -n "$hub" link set "${hub}$index" up
  ip -n "$leaf" link set "${leaf}e" up
  # Every host reaches the hub's first address (10.232.1.1) through its own link.
  ip -n "$leaf" route add default via "$net.1"
done

export PRESSWORK_SSH=$here/netns-ssh
export PRESSWORK_SSH_OPTS="-o BatchMode=yes"
export NETNS_HOSTS="alpha=${leaves[0]} beta=${leaves[1]}"
printf '# test hosts\n%s 1\n%s 1   # one thread each\n' "${hosts[@]}" >"$work/hosts"
fleet_args=(--coordinator tcp://10.232.1.1:5555 --collector tcp://10.232.1.1:5556
  --bin "$bin" --run-dir "$work/run" --log-dir "$work/logs" --timeout 30)
run_fleet() { "$fleet" "${fleet_args[@]}" "$@"; }

# expect CODE COMMAND...: runs a fleet command, shows its output, checks its exit code.
expect() {
  local want=$1 code=0
  shift
  echo "\$ presswork-fleet $*"
  run_fleet "$@" >"$work/last" 2>&1 || code=$?
  sed 's/^/    /' "$work/last"
  [ "$code" -eq "$want" ] || fail "presswork-fleet $* exited $code, expected $want"
}

echo "== 1. workers start before the cluster exists, report running, drain on stop"
expect 0 start "$work/hosts" -- --log-level info
expect 0 status "$work/hosts"
[ "$(grep -c 'running pid=' "$work/last")" -eq 2 ] || fail "status should show two running workers"
expect 0 start "$work/hosts" -- --log-level info
[ "$(grep -c 'already running' "$work/last")" -eq 2 ] || fail "a second start must not start more workers"
expect 0 stop "$work/hosts"
[ "$(grep -c 'stopped: pid' "$work/last")" -eq 2 ] || fail "stop should report two drained workers"
for host in "${hosts[@]}"; do
  grep -q "draining" "$work/logs/$host.log" || fail "$host: no drain in its log"
done
expect 3 status "$work/hosts"

echo "== 2. a real run by reference: coordinator and collector in the hub, workers on both hosts"
mkdir -p "$work/scrape"
python3 "$root/tools/gen_scrape.py" --pages "$root/tools/sample-pages" --count 300 \
  --format warc.gz --seed 3 --out "$work/scrape/crawl.warc.gz" --ids-out "$work/ids.txt" 2>/dev/null
# The lease key coordinator and collector share; the workers may read only the scrape folder.
# The 1.2-MB scrape is cut into 0.1-MB split jobs (the default 64 MB would make it one job, for
# one host), so both hosts read parts of it.
(umask 077 && od -An -tx1 -N32 /dev/urandom | tr -d ' \n' >"$work/lease.key")
ip netns exec "$hub" "$bin" coordinator "$work/scrape/crawl.warc.gz" --bind 'tcp://*:5555' \
  --status-bind tcp://127.0.0.1:5557 --batch 8 --by-reference --split-mb 0.1 --lease-key "$work/lease.key" \
  --log-level info >"$work/coordinator.out" 2>"$work/coordinator.log" &
coordinator=$!
pids+=("$coordinator")
ip netns exec "$hub" "$bin" collector --bind 'tcp://*:5556' --coordinator tcp://127.0.0.1:5555 \
  --output "$work/out" --shards 3 --lease-key "$work/lease.key" --log-level info \
  >/dev/null 2>"$work/collector.log" &
collector=$!
pids+=("$collector")
expect 0 start --input-root "$work/scrape" "$work/hosts" -- --log-level info
for _ in $(seq 600); do kill -0 "$coordinator" 2>/dev/null || break; sleep 0.1; done
kill -0 "$coordinator" 2>/dev/null && fail "the run did not finish within 60 s"
code=0
wait "$coordinator" || code=$?
[ "$code" -eq 0 ] || fail "coordinator exited $code: $(tail -n 5 "$work/coordinator.log")"
code=0
wait "$collector" || code=$?
[ "$code" -eq 0 ] || fail "collector exited $code: $(tail -n 5 "$work/collector.log")"
# The workers got "run complete" and exit by themselves.
for _ in $(seq 100); do
  state=$(run_fleet status "$work/hosts" 2>&1 || true)
  grep -q 'running pid=' <<<"$state" || break
  sleep 0.1
done
expect 3 status "$work/hosts"
grep -q 'running' "$work/last" && fail "workers still running after the end of the run"
expect 0 stop "$work/hosts"
[ "$(grep -c 'not running' "$work/last")" -eq 2 ] || fail "stop after the end should find nothing to stop"
expect 0 logs "$work/hosts" --lines 2
for host in "${hosts[@]}"; do
  grep -q "worker finished" "$work/logs/$host.log" || fail "$host: no 'worker finished' in its log"
  grep "worker finished" "$work/logs/$host.log" | tail -n 1 | grep -q "articles=0 " &&
    fail "$host did none of the work"
done

echo "== 3. the output has exactly the expected records"
python3 - "$work/out" "$work/ids.txt" <<'PY'
import gzip, json, pathlib, sys
out, ids = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
expected = ids.read_text().split()
urls = []
for shard in sorted(out.glob("shard-*.jsonl.gz")):
    with gzip.open(shard, "rt", encoding="utf-8") as lines:
        urls += [json.loads(line)["url"] for line in lines if line.strip()]
with gzip.open(out / "dead-letter.jsonl.gz", "rt") as lines:
    dead = [line for line in lines if line.strip()]
problems = []
if len(urls) != len(expected):
    problems.append(f"{len(urls)} records, expected {len(expected)}")
if set(urls) != set(expected):
    problems.append(f"{len(set(expected) - set(urls))} missing, {len(set(urls) - set(expected))} unexpected")
if len(set(urls)) != len(urls):
    problems.append(f"{len(urls) - len(set(urls))} duplicates")
if dead:
    problems.append(f"{len(dead)} dead-letter rows")
if not (out / "_SUCCESS").exists():
    problems.append("no _SUCCESS")
if problems:
    sys.exit("FAIL: output: " + "; ".join(problems))
print(f"    {len(urls)} records, each expected URL exactly once, no dead-letter rows, _SUCCESS present")
PY
grep -q "no lease key" "$work/coordinator.log" "$work/collector.log" && fail "a role ran without the lease key"
echo "PASS: presswork-fleet start/status/stop/logs against 2 namespace hosts (jobs by reference)"
