"""Structure checks of every YAML file under deploy/: it parses; Kubernetes objects have
apiVersion, kind and metadata.name, workload selectors match their template labels, Services
select a workload and target its container ports, probes name real ports, grace periods cover
the drain; compose services have an image or build and run real `presswork` subcommands and
flags; PRESSWORK_* settings are options of the role that reads them. Exit 1 on any problem."""

import re
import sys
from pathlib import Path

import yaml

import presswork_cli

DEPLOY = Path(__file__).resolve().parents[1]
DRAIN_SECONDS = 60
WORKLOADS = {"Deployment", "StatefulSet", "DaemonSet", "Job"}


class Checker:
    def __init__(self, cli):
        self.cli = cli
        self.problems = []

    def problem(self, text):
        self.problems.append(text)

    def kubernetes(self, objects, where):
        by_kind = {}
        for obj in objects:
            name = (obj.get("metadata") or {}).get("name")
            if not obj.get("apiVersion") or not obj.get("kind") or not name:
                self.problem(f"{where}: an object lacks apiVersion, kind or metadata.name")
                continue
            by_kind.setdefault(obj["kind"], {})[name] = obj
        workloads = [o for kind in WORKLOADS for o in by_kind.get(kind, {}).values()]
        config_maps = by_kind.get("ConfigMap", {})
        for workload in workloads:
            self.workload(workload, config_maps)
        for service in by_kind.get("Service", {}).values():
            self.service(service, workloads)
        for workload in by_kind.get("StatefulSet", {}).values():
            if workload["spec"].get("serviceName") not in by_kind.get("Service", {}):
                self.problem(f"StatefulSet {workload['metadata']['name']}: serviceName is no Service")
        coordinator = by_kind.get("Deployment", {}).get("presswork-coordinator")
        if coordinator and (coordinator["spec"].get("replicas") != 1
                            or coordinator["spec"].get("strategy", {}).get("type") != "Recreate"):
            self.problem("coordinator Deployment: needs replicas 1 and strategy Recreate")
        return by_kind

    def workload(self, obj, config_maps):
        name = f"{obj['kind']} {obj['metadata']['name']}"
        spec = obj.get("spec", {})
        template = spec.get("template", {})
        labels = template.get("metadata", {}).get("labels", {})
        selector = spec.get("selector", {}).get("matchLabels", {})
        if not selector or any(labels.get(k) != v for k, v in selector.items()):
            self.problem(f"{name}: selector {selector} does not match template labels {labels}")
        pod = template.get("spec", {})
        if pod.get("terminationGracePeriodSeconds", 30) <= DRAIN_SECONDS:
            self.problem(f"{name}: terminationGracePeriodSeconds must exceed the {DRAIN_SECONDS} s drain")
        if not pod.get("securityContext", {}).get("runAsNonRoot"):
            self.problem(f"{name}: runAsNonRoot missing")
        volumes = {v["name"] for v in pod.get("volumes", [])}
        volumes |= {t["metadata"]["name"] for t in spec.get("volumeClaimTemplates", [])}
        for container in pod.get("containers", []):
            where = f"{name}/{container.get('name')}"
            ports = {p.get("name") for p in container.get("ports", [])} | {
                p.get("containerPort") for p in container.get("ports", [])}
            for kind in ("readinessProbe", "livenessProbe", "startupProbe"):
                probe = container.get(kind) or {}
                port = (probe.get("tcpSocket") or probe.get("httpGet") or {}).get("port")
                if port is not None and port not in ports:
                    self.problem(f"{where}: {kind} port {port} is not a container port")
                command = (probe.get("exec") or {}).get("command")
                if command and self.cli and command[0] == "presswork":
                    self.problems += presswork_cli.check_argv(command[1:], self.cli, f"{where} {kind}")
            if "limits" not in container.get("resources", {}):
                self.problem(f"{where}: no resource limits")
            for mount in container.get("volumeMounts", []):
                if mount["name"] not in volumes:
                    self.problem(f"{where}: volumeMount {mount['name']} has no volume")
            role = (container.get("args") or [None])[0]
            if self.cli:
                self.problems += presswork_cli.check_argv(container.get("args") or [], self.cli, where)
            for source in container.get("envFrom", []):
                ref = (source.get("configMapRef") or {}).get("name")
                if ref and ref not in config_maps:
                    self.problem(f"{where}: ConfigMap {ref} does not exist")
                elif ref and self.cli and role in self.cli:
                    keys = config_maps[ref].get("data", {})
                    self.problems += presswork_cli.check_env(role, keys, self.cli, f"ConfigMap {ref}")
            if self.cli and role in self.cli:
                keys = [e["name"] for e in container.get("env", [])]
                self.problems += presswork_cli.check_env(role, keys, self.cli, f"{where} env")

    def service(self, obj, workloads):
        name = f"Service {obj['metadata']['name']}"
        selector = obj.get("spec", {}).get("selector", {})
        targets = [w for w in workloads
                   if all(w["spec"]["template"]["metadata"].get("labels", {}).get(k) == v
                          for k, v in selector.items())]
        if not selector or not targets:
            self.problem(f"{name}: selects no workload")
            return
        for port in obj["spec"].get("ports", []):
            target = port.get("targetPort", port.get("port"))
            for workload in targets:
                containers = workload["spec"]["template"]["spec"].get("containers", [])
                known = {p.get(k) for c in containers for p in c.get("ports", [])
                         for k in ("name", "containerPort")}
                if target not in known:
                    self.problem(f"{name}: targetPort {target} is not a port of "
                                 f"{workload['metadata']['name']}")

    def kustomization(self, doc, path):
        for resource in doc.get("resources", []):
            if not (path.parent / resource).exists():
                self.problem(f"{path.name}: resource {resource} does not exist")
        for image in doc.get("images", []):
            if str(image.get("newTag", "")) in ("", "latest"):
                self.problem(f"{path.name}: image {image.get('name')} needs a pinned newTag")

    def compose(self, doc, path):
        services = doc.get("services") or {}
        if not services:
            self.problem(f"{path.name}: no services")
        declared = set((doc.get("volumes") or {}).keys())
        for name, service in services.items():
            where = f"{path.name} service {name}"
            if not service.get("image") and not service.get("build"):
                self.problem(f"{where}: neither image nor build")
            image = str(service.get("image", ""))
            tag = re.sub(r"\$\{[^}]*:-([^}]*)\}", r"\1", image)
            if image and (":" not in tag or tag.endswith(":latest")):
                self.problem(f"{where}: image {image} must have a pinned tag")
            command = service.get("command")
            if isinstance(command, str):
                command = command.split()
            if not command:
                self.problem(f"{where}: no command (which presswork role?)")
            elif self.cli:
                self.problems += presswork_cli.check_argv(command, self.cli, where)
                env = service.get("environment") or {}
                keys = env.keys() if isinstance(env, dict) else [e.split("=", 1)[0] for e in env]
                self.problems += presswork_cli.check_env(command[0], keys, self.cli, where)
            grace = re.fullmatch(r"(\d+)s", str(service.get("stop_grace_period", "")))
            if not grace or int(grace.group(1)) <= DRAIN_SECONDS:
                self.problem(f"{where}: stop_grace_period must exceed the {DRAIN_SECONDS} s drain")
            for volume in service.get("volumes", []):
                source = str(volume).split(":")[0]
                if not source.startswith((".", "/", "$", "~")) and source not in declared:
                    self.problem(f"{where}: volume {source} is not declared")


def main():
    cli = presswork_cli.load()
    checker = Checker(cli)
    files = sorted(p for p in DEPLOY.rglob("*") if p.suffix in (".yaml", ".yml"))
    k8s = []
    for path in files:
        where = path.relative_to(DEPLOY)
        try:
            docs = [d for d in yaml.safe_load_all(path.read_text()) if d is not None]
        except yaml.YAMLError as error:
            checker.problem(f"{where}: does not parse: {error}")
            continue
        if path.name == "kustomization.yaml":
            checker.kustomization(docs[0], path)
        elif "services" in docs[0]:
            checker.compose(docs[0], path)
        else:
            k8s += docs
    # One set: Services, workloads and ConfigMaps refer to each other across files.
    checker.kubernetes(k8s, "k8s")
    problems = sorted(set(checker.problems))
    if cli is None:
        print("  (presswork not built: commands, flags and PRESSWORK_* keys not checked against --help)")
    for problem in problems:
        print(f"  {problem}")
    print(f"  yaml: {len(files)} files, {len(k8s)} Kubernetes objects, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
