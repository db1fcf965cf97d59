"""The Kubernetes settings with CURVE on, run for real in a network namespace of their own (its
loopback stands in for the cluster network): the ConfigMaps' PRESSWORK_* values plus the curve/
component's env, the component's Secret items copied into one folder per pod where its mount would
be (keys from `presswork keygen`), the service names pointing at 127.0.0.1. Then:
- a run of generated articles completes and every expected record is written, once;
- the coordinator's probe command, verbatim with the coordinator's environment, answers, and
  the same command without the CURVE settings is refused;
- each role's /metrics answers on the port its annotations name during the run, and the
  coordinator exposes the series the dashboard queries from it (the others' labelled counters
  and histograms appear only once something happened; their names are checked against the
  README by check_dashboard.py).
Exit 0 passed, 77 skipped (reason printed), 1 failed."""

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

import check_dashboard
import check_yaml
import presswork_cli

DEPLOY = Path(__file__).resolve().parents[1]
ROOT = DEPLOY.parent
ARTICLES = 60


def skip(reason):
    print(f"SKIP: {reason}")
    sys.exit(77)


def fail(reason):
    print(f"FAIL: {reason}")
    sys.exit(1)


def rendered():
    """{role: (env, secret mount path, secret items, container, annotations)}, CURVE on."""
    base = []
    for path in sorted((DEPLOY / "k8s").glob("*.yaml")):
        if path.name != "kustomization.yaml":
            base += [d for d in yaml.safe_load_all(path.read_text()) if d]
    overlay = yaml.safe_load((DEPLOY / "k8s" / "curve" / "kustomization.yaml").read_text())
    for entry in overlay["patches"]:
        patch = yaml.safe_load(entry["patch"])
        for index, obj in enumerate(base):
            if obj["kind"] == patch["kind"] and obj["metadata"]["name"] == patch["metadata"]["name"]:
                base[index] = check_yaml.merge(obj, patch)
    config_maps = {o["metadata"]["name"]: o for o in base if o["kind"] == "ConfigMap"}
    roles = {}
    for obj in base:
        if obj["kind"] not in check_yaml.WORKLOADS:
            continue
        pod = obj["spec"]["template"]["spec"]
        volumes = {v["name"]: v for v in pod.get("volumes", [])}
        for container in pod["containers"]:
            role = container["args"][0]
            env = {k: str(v) for k, v in check_yaml.settings_of(container, config_maps).items()}
            mount = next(m for m in container["volumeMounts"] if "secret" in volumes.get(m["name"], {}))
            items = [i["path"] for i in volumes[mount["name"]]["secret"]["items"]]
            annotations = obj["spec"]["template"]["metadata"].get("annotations", {})
            roles[role] = (env, mount["mountPath"], items, container, annotations)
    return roles


def localise(env, mount, folder, work):
    """The pod's settings for a process on this namespace's loopback, files under WORK."""
    local = {}
    for key, value in env.items():
        value = value.replace(mount, str(folder))
        value = re.sub(r"presswork-(coordinator|collector)", "127.0.0.1", value)
        value = value.replace("/data/input", str(work / "scrape.jsonl.gz"))
        value = value.replace("/data/out", str(work / "out")).replace("/data/journal", str(work / "journal"))
        local[key] = value
    return local


def metrics(port):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=3) as response:
        return response.read().decode()


def inside(work):
    exe = str(presswork_cli.binary())
    roles = rendered()
    keys = work / "keys"
    for name in ("server", "worker"):
        subprocess.run([exe, "keygen", name, "--directory", str(keys)], check=True, capture_output=True)
    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
    subprocess.run([sys.executable, str(ROOT / "tools" / "gen_scrape.py"), "--pages",
                    str(ROOT / "tools" / "sample-pages"), "--count", str(ARTICLES), "--format", "jsonl.gz",
                    "--seed", "5", "--broken", "0.1", "--out", str(work / "scrape.jsonl.gz"), "--ids-out",
                    str(work / "ids.txt")], check=True, capture_output=True)
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PRESSWORK_")}
    envs, processes = {}, {}
    for role in ("coordinator", "collector", "worker"):
        env, mount, items, _, _ = roles[role]
        folder = work / f"{role}-secret"
        folder.mkdir()
        for item in items:
            shutil.copy(keys / item, folder / item)
        local = localise(env, mount, folder, work)
        if role == "worker":
            local["PRESSWORK_THREADS"] = "2"
        envs[role] = {**clean, **local}
    print("    settings: " + "; ".join(
        f"{role}: " + " ".join(sorted(k.removeprefix("PRESSWORK_") for k in envs[role] if k.startswith("PRESSWORK_")))
        for role in envs))
    try:
        for role in ("coordinator", "collector", "worker"):
            processes[role] = subprocess.Popen([exe, role], env=envs[role], stdout=subprocess.DEVNULL,
                                               stderr=open(work / f"{role}.log", "w"))
        probe = roles["coordinator"][3]["livenessProbe"]["exec"]["command"]
        ports = {role: roles[role][4]["prometheus.io/port"] for role in processes}
        seen = {role: set() for role in processes}
        deadline = time.time() + 60
        while True:
            # Scrape every role while it runs: workers and the collector exit when the run ends.
            for role, port in ports.items():
                try:
                    seen[role] |= series(metrics(port))
                except OSError:
                    pass
            if (work / "out" / "_SUCCESS").exists():
                break
            for role, process in processes.items():
                if role != "worker" and process.poll() not in (None, 0):
                    fail(f"{role} exited {process.returncode}: {(work / f'{role}.log').read_text()[-600:]}")
            if time.time() > deadline:
                fail("the run did not finish within 60 s")
            time.sleep(0.05)
        seen["coordinator"] |= series(metrics(ports["coordinator"]))
        answer = subprocess.run([exe] + probe[1:], env=envs["coordinator"], capture_output=True, text=True)
        if answer.returncode != 0:
            fail(f"the probe `{' '.join(probe)}` failed with CURVE on: {answer.stderr.strip()}")
        print(f"    probe `{' '.join(probe)}` with the coordinator's environment: exit 0")
        refused = subprocess.run([exe] + probe[1:], env=clean, capture_output=True, text=True)
        if refused.returncode == 0:
            fail("the probe without CURVE settings got an answer: CURVE is not on")
        print("    the same probe without the CURVE settings: no answer (refused), as it should be")
        documented = check_dashboard.documented_metrics()
        for role, names in seen.items():
            if not names:
                fail(f"{role}: /metrics on port {ports[role]} never answered during the run")
            base = {re.sub(r"_(bucket|sum|count)$", "", n) for n in names}
            print(f"    {role} :{ports[role]}/metrics: {len(names)} series; "
                  f"documented in README: {len(base & documented)}, not: {sorted(base - documented) or 'none'}")
        dashboard = json.loads((DEPLOY / "grafana" / "presswork-dashboard.json").read_text())
        needed = {"presswork_articles_committed_total", "presswork_jobs_in_flight", "presswork_workers_alive"}
        for panel in dashboard["panels"]:
            for target in panel.get("targets", []):
                needed |= set(re.findall(r"\bpresswork_[a-z0-9_]+", target.get("expr", "")))
        exposed = set().union(*seen.values())
        # Labelled counters (failures by stage), duplicates and the histograms appear once
        # something happened; the coordinator's, always after a run, must be there.
        for name in ("presswork_articles_committed_total", "presswork_jobs_in_flight",
                     "presswork_jobs_queued", "presswork_workers_alive"):
            if name not in seen["coordinator"]:
                fail(f"the coordinator does not expose {name}, which the dashboard queries")
        print(f"    dashboard series exposed in this run: {len(needed & exposed)} of {len(needed)} "
              f"(not seen: {sorted(needed - exposed) or 'none'})")
    finally:
        for process in processes.values():
            if process.poll() is None:
                process.terminate()
        for process in processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
    expected = (work / "ids.txt").read_text().split()
    urls = []
    for shard in sorted((work / "out").glob("shard-*.jsonl.gz")):
        with gzip.open(shard, "rt", encoding="utf-8") as lines:
            urls += [json.loads(line)["url"] for line in lines if line.strip()]
    if sorted(urls) != sorted(expected):
        fail(f"output: {len(urls)} records ({len(set(urls))} distinct), expected {len(expected)}")
    print(f"    {len(urls)} records, each expected URL once")


def series(text):
    """The series names of a Prometheus text exposition."""
    return {line.split()[0].split("{")[0] for line in text.splitlines() if line and not line.startswith("#")}


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--inside":
        inside(Path(sys.argv[2]))
        return 0
    if presswork_cli.binary() is None:
        skip("presswork is not built")
    if os.geteuid() != 0:
        skip("a network namespace needs root")
    if shutil.which("ip") is None:
        skip("the ip tool (iproute2) is not installed")
    namespace = f"pwk{os.getpid() % 100000}"
    if subprocess.run(["ip", "netns", "add", namespace], capture_output=True).returncode != 0:
        skip("cannot create a network namespace here")
    work = Path(tempfile.mkdtemp())
    try:
        return subprocess.run(["ip", "netns", "exec", namespace, sys.executable, __file__, "--inside",
                               str(work)]).returncode
    finally:
        subprocess.run(["ip", "netns", "del", namespace], capture_output=True)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
