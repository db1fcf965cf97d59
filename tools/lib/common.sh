# shellcheck shell=bash
# Variables set here are used by the scripts that source this file.
# shellcheck disable=SC2034
# Shared set-up of the shell tools under tools/: sourced (`source "$(dirname "$0")/../lib/common.sh"`),
# never run. Strict mode, the repository root as the working directory, the corpus locations and
# the helpers every script needs.
set -euo pipefail

PRESSWORK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$PRESSWORK_ROOT"

# The development corpora beside the repository (CI has them; a user's clone usually does not).
AEB_CORPUS="../shared/corpus/aeb"
WCXB_CORPUS="../shared/corpus/wcxb-dev"
# The venv of the peer extractors and html5lib, outside the repository.
PEERS_VENV="${PRESSWORK_PEERS_VENV:-${TMPDIR:-/tmp}/presswork-peers-venv}"

# True under CI (CI=true), where nothing may be skipped for a missing corpus.
in_ci() { [ "${CI:-}" = "true" ]; }

# require_paths WHAT PATH…: continues when every PATH exists. Otherwise, under CI, fails saying
# WHAT could not run; in a user's clone, says it is skipped and exits 0.
require_paths() {
  local what="$1" path
  shift
  for path in "$@"; do
    [ -e "$path" ] && continue
    if in_ci; then
      echo "$what failed: $path is absent under CI" >&2
      exit 1
    fi
    echo "$what skipped: $path (beside the repository) is absent"
    exit 0
  done
}

# page_templates [DIR]: DIR when it is a folder, else the AEB pages when present, else the
# project's sample pages: the pages the benchmarks generate their scrapes from.
page_templates() {
  local templates="${1:-$AEB_CORPUS/html}"
  [ -d "$templates" ] || templates="tools/sample-pages"
  echo "$templates"
}

# build_products CONFIG PRODUCT…: builds each product quietly in CONFIG (debug or release) and
# sets `bin` to the folder of the binaries.
build_products() {
  local config="$1" product
  shift
  for product in "$@"; do swift build -c "$config" --product "$product" >/dev/null; done
  bin="$(swift build -c "$config" --show-bin-path)"
}

# scratch_dir NAME: a fresh temporary folder in `work`, removed when the script exits.
scratch_dir() {
  work="$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
}

# The load average now, for the tables (noisy machines).
load_average() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown; }

# Where the benchmarks append their tables (BENCHMARKS_FILE=/dev/null for smoke tests).
benchmarks_file() { echo "${BENCHMARKS_FILE:-BENCHMARKS.md}"; }
