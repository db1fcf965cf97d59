#!/usr/bin/env bash
# Installs the system libraries Presswork links (libzmq, zlib, libdeflate, zstd, libcurl) when they are
# missing, and nginx, which the tests of remote inputs start on a loopback port.
set -euo pipefail

missing=()
for pc in libzmq zlib libdeflate libzstd libcurl; do
  pkg-config --exists "$pc" 2>/dev/null || missing+=("$pc")
done
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v zstd >/dev/null 2>&1 || missing+=(zstd)
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || missing+=(nginx)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing system packages for: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq pkg-config libzmq3-dev zlib1g-dev libdeflate-dev libzstd-dev libcurl4-openssl-dev \
  zstd python3 nginx >/dev/null
