#!/usr/bin/env bash
# Installs the S3-compatible store the tests of s3:// inputs start: the moto server from PyPI, in a
# venv outside the repository (PRESSWORK_MOTO_VENV, default $TMPDIR/presswork-moto-venv), where
# the tests look for it (nginx, for the http(s) tests, comes with install-deps.sh). Pinned, so that
# every machine tests against the same server; nothing is installed when it is already there.
set -euo pipefail

venv="${PRESSWORK_MOTO_VENV:-${TMPDIR:-/tmp}/presswork-moto-venv}"
version="5.2.1"
if "$venv/bin/python" -c "import boto3, moto; assert moto.__version__ == '$version'" 2>/dev/null \
  && [ -x "$venv/bin/moto_server" ]; then
  exit 0
fi
# Debian's python3 makes venvs only with python3-venv (ensurepip).
if ! python3 -c "import ensurepip" 2>/dev/null; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq python3-venv >/dev/null
fi
echo "Installing the moto server $version into $venv"
python3 -m venv "$venv"
"$venv/bin/pip" install -q "moto[server]==$version"
