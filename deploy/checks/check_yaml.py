"""Structure checks of every YAML file under deploy/: it parses; Kubernetes objects have
apiVersion, kind and metadata.name, workload selectors match their template labels, Services
select a workload and target its container ports, probes name real ports, grace periods cover
the drain; compose services have an image or build and run real `presswork` subcommands and
flags; PRESSWORK_* settings (commented examples too) are options of the role that reads them,
with values of the right form; every role serves metrics on a port named `metrics` that its pod's
prometheus.io annotations name; kustomize components (k8s/curve) are applied to the base and
checked the same way, plus their CURVE wiring (keys mounted from the Secret where the settings
point, one server pair, the collector and workers admitted, the probes' `presswork status` able
to connect). Exit 1 on any problem."""

import copy
import re
import sys
from pathlib import Path

import yaml

import presswork_cli

DEPLOY = Path(__file__).resolve().parents[1]
DRAIN_SECONDS = 60
WORKLOADS = {"Deployment", "StatefulSet", "DaemonSet", "Job"}
ROLES = ("coordinator", "collector", "worker")
CURVE_KEYS = ("PRESSWORK_CURVE_SECRET_KEY", "PRESSWORK_CURVE_SERVER_KEY", "PRESSWORK_CURVE_AUTHORIZED")


def merge(base, patch):
    """A small strategic merge patch, as kustomize applies one to these manifests: maps merge key
    by key, lists of maps with a name (containers, env, volumes, mounts) merge by name, other
    values are replaced."""
    if isinstance(base, dict) and isinstance(patch, dict):
        merged = copy.deepcopy(base)
        for key, value in patch.items():
            merged[key] = merge(base[key], value) if key in base else copy.deepcopy(value)
        return merged
    if (isinstance(base, list) and isinstance(patch, list)
            and all(isinstance(item, dict) and "name" in item for item in base + patch)):
        merged = copy.deepcopy(base)
        for item in patch:
            index = next((i for i, old in enumerate(merged) if old["name"] == item["name"]), None)
            if index is None:
                merged.append(copy.deepcopy(item))
            else:
                merged[index] = merge(merged[index], item)
        return merged
    return copy.deepcopy(patch)


def settings_of(container, config_maps):
    """{PRESSWORK_*: value} a container gets from its ConfigMaps and env (env wins)."""
    settings = {}
    for source in container.get("envFrom", []):
        ref = (source.get("configMapRef") or {}).get("name")
        settings.update((config_maps.get(ref) or {}).get("data", {}) or {})
    settings.update({e["name"]: e.get("value") for e in container.get("env", []) if "value" in e})
    return settings


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
            settings = settings_of(container, config_maps)
            self.problems += presswork_cli.check_values(settings, where)
            if role in ROLES:
                self.metrics(template, container, settings, where)
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

    def metrics(self, template, container, settings, where):
        """The role serves metrics on a container port named `metrics`, and the pod's
        prometheus.io annotations point a scraper at that port."""
        annotations = template.get("metadata", {}).get("annotations", {}) or {}
        port = {p.get("name"): p.get("containerPort") for p in container.get("ports", [])}.get("metrics")
        bind = str(settings.get("PRESSWORK_METRICS_BIND", ""))
        if port is None:
            self.problem(f"{where}: no container port named metrics")
            return
        if not bind.endswith(f":{port}"):
            self.problem(f"{where}: PRESSWORK_METRICS_BIND ({bind or 'unset'}) is not on the metrics port {port}")
        if str(annotations.get("prometheus.io/scrape")) != "true":
            self.problem(f"{where}: pod annotation prometheus.io/scrape: \"true\" missing")
        if str(annotations.get("prometheus.io/port")) != str(port):
            self.problem(f"{where}: pod annotation prometheus.io/port should be \"{port}\"")

    def overlay(self, doc, path, base):
        """A kustomize Component of inline patches (k8s/curve): applies them to the base objects,
        checks the result like the base, and checks the CURVE wiring."""
        where = path.relative_to(DEPLOY)
        objects = copy.deepcopy(base)
        for entry in doc.get("patches", []):
            if "patch" not in entry:
                self.problem(f"{where}: only inline patches are checked")
                continue
            try:
                patch = yaml.safe_load(entry["patch"])
            except yaml.YAMLError as error:
                self.problem(f"{where}: a patch does not parse: {error}")
                continue
            if not isinstance(patch, dict):
                self.problem(f"{where}: a patch is not a Kubernetes object")
                continue
            name = (patch.get("metadata") or {}).get("name")
            index = next((i for i, o in enumerate(objects) if o.get("kind") == patch.get("kind")
                          and o["metadata"].get("name") == name), None)
            if index is None:
                self.problem(f"{where}: patch for {patch.get('kind')} {name}: no such object in the base")
                continue
            objects[index] = merge(objects[index], patch)
        by_kind = self.kubernetes(objects, str(where))
        self.curve(by_kind, where)

    def curve(self, by_kind, where):
        """With CURVE on: every role has its keys, each key file is in the Secret volume mounted
        where the setting points, servers share one pair and admit the collector and the workers,
        and the coordinator's `presswork status` probes can find their keys."""
        config_maps = by_kind.get("ConfigMap", {})
        roles = {}
        for kind in WORKLOADS:
            for workload in by_kind.get(kind, {}).values():
                pod = workload["spec"]["template"]["spec"]
                volumes = {v["name"]: v for v in pod.get("volumes", [])}
                for container in pod.get("containers", []):
                    role = (container.get("args") or [None])[0]
                    if role not in ROLES:
                        continue
                    settings = settings_of(container, config_maps)
                    files = {}
                    for mount in container.get("volumeMounts", []):
                        secret = (volumes.get(mount["name"]) or {}).get("secret")
                        if secret:
                            items = [i["path"] for i in secret.get("items", [])]
                            files[mount["mountPath"].rstrip("/")] = items
                    roles[role] = (settings, files, container)
        if set(roles) != set(ROLES):
            self.problem(f"{where}: expected the roles {ROLES}, found {sorted(roles)}")
            return

        def resolve(role, key):
            """(folder, file) of a CURVE setting, or a problem."""
            value = roles[role][0].get(key)
            if not value:
                self.problem(f"{where}: {role} has CURVE on but no {key}")
                return None
            files = roles[role][1]
            if value.rstrip("/") in files:
                return value.rstrip("/"), None
            folder, _, name = value.rpartition("/")
            if folder not in files:
                self.problem(f"{where}: {role} {key}={value} is not in a mounted Secret")
                return None
            if name not in files[folder]:
                self.problem(f"{where}: {role} {key}={value}: the Secret volume has no item {name}")
                return None
            return folder, name

        needs = {"coordinator": CURVE_KEYS, "collector": CURVE_KEYS,
                 "worker": ("PRESSWORK_CURVE_SECRET_KEY", "PRESSWORK_CURVE_SERVER_KEY")}
        found = {role: {key: resolve(role, key) for key in keys} for role, keys in needs.items()}
        if any(v is None for keys in found.values() for v in keys.values()):
            return
        stem = lambda name: name.rsplit(".", 1)[0]
        server = found["coordinator"]["PRESSWORK_CURVE_SECRET_KEY"][1]
        if found["collector"]["PRESSWORK_CURVE_SECRET_KEY"][1] != server:
            self.problem(f"{where}: the collector must use the coordinator's server pair ({server})")
        for role in ("collector", "worker"):
            if found[role]["PRESSWORK_CURVE_SERVER_KEY"][1] != stem(server) + ".pub":
                self.problem(f"{where}: {role}'s PRESSWORK_CURVE_SERVER_KEY should be {stem(server)}.pub")
        worker = stem(found["worker"]["PRESSWORK_CURVE_SECRET_KEY"][1])
        for role in ("coordinator", "collector"):
            folder, name = found[role]["PRESSWORK_CURVE_AUTHORIZED"]
            admitted = set(roles[role][1][folder]) if name is None else {name}
            for client in (stem(server) + ".pub", worker + ".pub"):
                if name is None and client not in admitted:
                    self.problem(f"{where}: {role} does not admit {client} (not in {folder})")
        container = roles["coordinator"][2]
        for kind in ("readinessProbe", "livenessProbe"):
            command = ((container.get(kind) or {}).get("exec") or {}).get("command") or []
            if command[:2] == ["presswork", "status"] and "--curve-server-key" not in command \
                    and "PRESSWORK_CURVE_SERVER_KEY" not in roles["coordinator"][0]:
                self.problem(f"{where}: the coordinator's {kind} runs `presswork status` without "
                             "CURVE keys (set PRESSWORK_CURVE_SERVER_KEY in its environment)")

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

    def commented_settings(self, text, where):
        """`# PRESSWORK_X: …` lines are examples an operator uncomments: they must be real."""
        if not self.cli:
            return
        known = set().union(*(self.cli[role] for role in ROLES))
        for key in re.findall(r"^\s*#\s*(?:-\s*name:\s*)?(PRESSWORK_[A-Z_]+):", text, re.M):
            name = presswork_cli.env_option(key)
            if name.replace("-", "_") not in presswork_cli.COMMON_ENV and name not in known \
                    and name != "inputs":
                self.problem(f"{where}: commented {key} is not an option of any role")

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
            env = service.get("environment") or {}
            if isinstance(env, dict):
                self.problems += presswork_cli.check_values(env, where)
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
    k8s, overlays = [], []
    for path in files:
        where = path.relative_to(DEPLOY)
        try:
            text = path.read_text()
            docs = [d for d in yaml.safe_load_all(text) if d is not None]
        except yaml.YAMLError as error:
            checker.problem(f"{where}: does not parse: {error}")
            continue
        checker.commented_settings(text, where)
        if path.name == "kustomization.yaml":
            checker.kustomization(docs[0], path)
            if docs[0].get("kind") == "Component":
                overlays.append((docs[0], path))
        elif "services" in docs[0]:
            checker.compose(docs[0], path)
        else:
            k8s += docs
    # One set: Services, workloads and ConfigMaps refer to each other across files.
    base = checker.kubernetes(k8s, "k8s")
    # CURVE is opt-in: the base runs without it; the component must wire it completely.
    for kind in WORKLOADS:
        for workload in base.get(kind, {}).values():
            for container in workload["spec"]["template"]["spec"].get("containers", []):
                if set(settings_of(container, base.get("ConfigMap", {}))) & set(CURVE_KEYS):
                    checker.problem(f"{workload['metadata']['name']}: CURVE must stay off in the base")
    for doc, path in overlays:
        checker.overlay(doc, path, k8s)
    problems = sorted(set(checker.problems))
    if cli is None:
        print("  (presswork not built: commands, flags and PRESSWORK_* keys not checked against --help)")
    for problem in problems:
        print(f"  {problem}")
    print(f"  yaml: {len(files)} files, {len(k8s)} Kubernetes objects, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
