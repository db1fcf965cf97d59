#!/usr/bin/env bash
# Validates deploy/: shellcheck on every script, systemd-analyze verify and semantic checks on the
# units, a structure check of every YAML file (the CURVE component applied), a Dockerfile lint, the
# Grafana dashboard against the metric names the README documents, the Kubernetes settings with
# CURVE and metrics run in a network namespace, and a real test of the ssh launcher against hosts
# made of network namespaces. Installs shellcheck, systemd and PyYAML
# when missing (apt/pip), or skips that check with a message. Exit 1 if any check fails.
# Uses ${PRESSWORK_BIN:-.build/debug/presswork} when built (flags are checked against --help).
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

passed=0
failed=0
skipped=0
pass() { echo "ok   $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; failed=$((failed + 1)); }
skip() { echo "skip $1: $2"; skipped=$((skipped + 1)); }

apt_updated=0
# apt_install PACKAGE: installs a Debian package (as root), quietly; false when it cannot.
apt_install() {
  command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ] || return 1
  echo "     installing $1"
  if [ "$apt_updated" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$1" >/dev/null 2>&1
}
# need COMMAND PACKAGE: true when COMMAND exists, installing PACKAGE if needed.
need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  apt_install "$2"
  command -v "$1" >/dev/null 2>&1
}

# run NAME COMMAND...: one check, its output indented.
run() {
  local name=$1 out code=0
  shift
  out=$("$@" 2>&1) || code=$?
  [ -z "$out" ] || printf '%s\n' "$out" | sed 's/^/     /'
  if [ "$code" -eq 0 ]; then pass "$name"; elif [ "$code" -eq 77 ]; then skip "$name" "see above"; else fail "$name"; fi
}

if [ -x "${PRESSWORK_BIN:-.build/debug/presswork}" ]; then
  echo "presswork: ${PRESSWORK_BIN:-.build/debug/presswork}"
else
  echo "presswork: not built (${PRESSWORK_BIN:-.build/debug/presswork}); flag checks and the launcher test skip"
fi

# 1. shellcheck on every script in deploy/.
scripts=()
while IFS= read -r file; do
  head -n 1 "$file" | grep -Eq '^#!.*\b(ba)?sh\b' && scripts+=("$file")
done < <(find deploy -type f ! -name '*.md' ! -name '*.py' ! -name '*.yaml' | sort)
if need shellcheck shellcheck; then
  run "shellcheck (${#scripts[@]} scripts)" shellcheck -x "${scripts[@]}"
else
  skip shellcheck "shellcheck is not installed and could not be installed"
fi

# 2. systemd-analyze verify, on a temporary root holding the units, the system's own units and a
#    stand-in for /usr/local/bin/presswork (verify insists the ExecStart binary exists). It
#    prints warnings (unknown keys, bad values) yet exits 0, so any output is a failure.
verify_units() {
  local root out
  root=$(mktemp -d)
  mkdir -p "$root/etc/systemd/system" "$root/usr/local/bin" "$root/usr/lib/systemd"
  cp -a /usr/lib/systemd/system "$root/usr/lib/systemd/" 2>/dev/null || cp -a /lib/systemd/system "$root/usr/lib/systemd/"
  printf '#!/bin/sh\nexit 0\n' >"$root/usr/local/bin/presswork"
  chmod 755 "$root/usr/local/bin/presswork"
  cp deploy/systemd/*.service "$root/etc/systemd/system/"
  out=$(systemd-analyze verify --root="$root" --man=no --generators=no \
    "$root/etc/systemd/system/presswork-coordinator.service" \
    "$root/etc/systemd/system/presswork-collector.service" \
    "$root/etc/systemd/system/presswork-worker@1.service" 2>&1)
  local code=$?
  rm -rf "$root"
  [ -z "$out" ] || echo "$out"
  [ "$code" -eq 0 ] && [ -z "$out" ]
}
if need systemd-analyze systemd; then
  run "systemd-analyze verify (3 units)" verify_units
else
  skip "systemd-analyze verify" "systemd-analyze is not installed and could not be installed"
fi

# 3. Python checks (PyYAML for the YAML one).
if ! python3 -c 'import yaml' 2>/dev/null; then
  echo "     installing PyYAML"
  python3 -m pip install --quiet pyyaml >/dev/null 2>&1 || apt_install python3-yaml || true
fi
run "unit settings and env files" python3 deploy/checks/check_units.py
if python3 -c 'import yaml' 2>/dev/null; then
  run "YAML structure (Kubernetes, compose, kustomization)" python3 deploy/checks/check_yaml.py
else
  skip "YAML structure" "PyYAML could not be installed"
fi
# render_with_curve: the base plus the CURVE component, as an operator enabling it gets it
# (from a temporary kustomization: kustomize forbids one inside the base referring to it).
render_with_curve() {
  local dir code=0
  dir=$(mktemp -d)
  printf 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - %s\ncomponents:\n  - %s\n' \
    "$(realpath --relative-to="$dir" deploy/k8s)" "$(realpath --relative-to="$dir" deploy/k8s/curve)" \
    >"$dir/kustomization.yaml"
  kubectl kustomize "$dir" >"$dir/out.yaml" || code=$?
  if [ "$code" -eq 0 ]; then
    python3 - "$dir/out.yaml" <<'PY' || code=$?
import sys, yaml
docs = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d]
pods = [d for d in docs if d["kind"] in ("Deployment", "StatefulSet")]
wired = [d["metadata"]["name"] for d in pods
         if any(v.get("secret", {}).get("secretName") == "presswork-curve"
                for v in d["spec"]["template"]["spec"].get("volumes", []))
         and any(e["name"] == "PRESSWORK_CURVE_SECRET_KEY"
                 for e in d["spec"]["template"]["spec"]["containers"][0].get("env", []))]
if len(pods) != 3 or len(wired) != 3:
    sys.exit(f"CURVE wired into {sorted(wired)} of {len(pods)} workloads, expected all 3")
PY
  fi
  rm -rf "$dir"
  return "$code"
}
if command -v kubectl >/dev/null 2>&1; then
  run "kubectl kustomize deploy/k8s renders" sh -c 'kubectl kustomize deploy/k8s >/dev/null'
  run "kubectl kustomize deploy/k8s with the curve component renders" render_with_curve
else
  skip "kubectl kustomize" "kubectl is not installed (not in Debian's archive; the YAML check above covers the structure)"
fi
run "Dockerfile lint" python3 deploy/checks/lint_dockerfile.py
run "Grafana dashboard (parses, queries, metric names from README.md)" python3 deploy/checks/check_dashboard.py
if python3 -c 'import yaml' 2>/dev/null; then
  run "Kubernetes settings with CURVE and metrics, run in a network namespace" \
    python3 deploy/checks/k8s-curve-metrics-test.py
else
  skip "Kubernetes settings with CURVE and metrics" "PyYAML could not be installed"
fi

# 4. The ssh launcher against network-namespace hosts.
run "presswork-fleet against network-namespace hosts" bash deploy/checks/fleet-netns-test.sh

echo "validate: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
