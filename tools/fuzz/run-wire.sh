#!/usr/bin/env bash
# Builds the wire-codec libFuzzer target (WireCodecFuzzTarget.swift with the Cluster sources it
# needs, over ArticlePipeline, ScrapeIO's ArticleReference and FileSplit, RemoteIO's
# RemoteLocation and Digests, all with AddressSanitizer) and
# runs it for SECONDS (default 60), seeded with one message of every kind. Crashes are written to
# the work folder's artifacts/ and fail the run.
# usage: tools/fuzz/run-wire.sh [SECONDS] [WORK_DIR]      (work dir default: $TMPDIR/presswork-fuzz-wire)
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
source "$(dirname "$0")/../lib/common.sh"
seconds="${1:-60}"
work="${2:-${TMPDIR:-/tmp}/presswork-fuzz-wire}"
mkdir -p "$work/corpus" "$work/artifacts" "$work/modules"
flags=(-sanitize=fuzzer,address -parse-as-library -O -g -I "$work/modules")

# ArticlePipeline only supplies the message types: built from a snapshot, without coverage.
rm -rf "$work/src" && mkdir -p "$work/src" && cp -R Sources/ArticlePipeline "$work/src/"
mapfile -t pipeline < <(find "$work/src/ArticlePipeline" -name '*.swift' | sort)
swiftc -parse-as-library -O -emit-library -static -emit-module -module-name ArticlePipeline \
  -emit-module-path "$work/modules/ArticlePipeline.swiftmodule" -o "$work/libArticlePipeline.a" "${pipeline[@]}"
swiftc "${flags[@]}" -emit-library -static -emit-module -module-name ScrapeIO \
  -emit-module-path "$work/modules/ScrapeIO.swiftmodule" -o "$work/libScrapeIO.a" \
  Sources/ScrapeIO/References/ArticleReference.swift Sources/ScrapeIO/Splits/FileSplit.swift
# Digests supplies the lease tokens' HMAC; RemoteIO only how a remote input is told from a path
# (a split's file may be a URL).
swiftc "${flags[@]}" -emit-library -static -emit-module -module-name Digests \
  -emit-module-path "$work/modules/Digests.swiftmodule" -o "$work/libDigests.a" \
  Sources/Digests/SHA256.swift Sources/Digests/HMACSHA256.swift
swiftc "${flags[@]}" -emit-library -static -emit-module -module-name RemoteIO \
  -emit-module-path "$work/modules/RemoteIO.swiftmodule" -o "$work/libRemoteIO.a" \
  Sources/RemoteIO/RemoteLocation.swift
cluster=(
  Sources/Cluster/Protocol/*.swift Sources/Cluster/Status/RunStatus.swift
  Sources/Cluster/Support/Saturating.swift Sources/Cluster/Support/LogText.swift Sources/Cluster/Support/Hex.swift
  Sources/Cluster/Security/LeaseSigner.swift
  Sources/Cluster/Collector/JSONLineCheck.swift Sources/Cluster/Collector/ResultAdmission.swift
)
swiftc "${flags[@]}" -module-name Cluster -o "$work/fuzz-wire" tools/fuzz/WireCodecFuzzTarget.swift \
  "${cluster[@]}" "$work/libScrapeIO.a" "$work/libRemoteIO.a" "$work/libDigests.a" \
  "$work/libArticlePipeline.a"

seed() { printf '%s' "$2" > "$work/corpus/$1"; }
seed hello '{"v":4,"t":"hello","b":{"peer":{"id":"w-1","role":"worker","host":"h","pid":1,"threads":2},"credit":4}}'
seed credit '{"v":4,"t":"credit","b":{"n":1,"done":"job-0000001"}}'
seed job '{"v":4,"t":"job","b":{"job":"job-0000001","attempt":1,"articles":[{"id":"a","source":{"path":"x","offset":9},"payload":{"file":"/x.warc","offset":10,"length":20,"isHTTP":true}}],"failures":[],"lease":{"worker":"w-1","token":"00"}}}'
printf '%s\0%s\0%s' '{"v":4,"t":"result","b":{"job":"job-0000001","attempt":1,"worker":"w","ids":["a"],"deadLetters":1,"failedStages":{"read":1}}}' \
  '{"id":"a","text":"x","n":[1,2.5e3,true,null]}' '{"id":"b","stage":"read","reason":"r"}' > "$work/corpus/result"
seed committed '{"v":4,"t":"committed","b":{"jobs":["job-0000001"],"figures":{"records":1,"failures":0,"storedBytes":1,"files":1,"duplicatesDropped":0,"committedJobs":1,"failuresByStage":{"read":1}}}}'
seed split '{"v":4,"t":"job","b":{"job":"job-0000002","attempt":1,"articles":[],"failures":[],"split":{"path":"c.warc.gz","file":"/d/c.warc.gz","offset":0,"length":1000,"fileSize":5000},"lease":{"worker":"w-1","token":"00"}}}'
seed dead '{"v":4,"t":"dead_job","b":{"job":"job-1","count":1,"failedStages":{"worker":1}}}'
"$work/fuzz-wire" "$work/corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len="${FUZZ_MAX_LEN:-4096}" -artifact_prefix="$work/artifacts/" -print_final_stats=1
