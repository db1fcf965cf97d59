"""Checks the systemd units and their example environment files beyond `systemd-analyze verify`:
the settings that make a drain safe and the service unprivileged, and that every PRESSWORK_*
variable of the example env files (commented-out ones too) is an option of the role the unit runs,
with a value of the right form. Prints problems; exit 1 when there are any."""

import re
import sys
from pathlib import Path

import presswork_cli

UNITS = Path(__file__).resolve().parents[1] / "systemd"
DRAIN_SECONDS = 60
REQUIRED = {
    "KillMode": "mixed",
    "Restart": "on-failure",
    "User": "presswork",
    "NoNewPrivileges": "yes",
    "ProtectSystem": "strict",
    "PrivateTmp": "yes",
}


def parse(path):
    """{key: [values]} of a unit's [Service] section."""
    values, section = {}, None
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = line
        elif section == "[Service]" and "=" in line:
            key, value = line.split("=", 1)
            values.setdefault(key.strip(), []).append(value.strip())
    return values


def seconds(text):
    match = re.fullmatch(r"(\d+)\s*(s|min)?", text)
    if not match:
        return None
    return int(match.group(1)) * (60 if match.group(2) == "min" else 1)


def env_settings(path):
    """{PRESSWORK_KEY: value} of an env file, commented-out examples (`#PRESSWORK_…=…`) included:
    they are documentation an operator uncomments, so they must be real options too."""
    settings = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if line.startswith("#"):
            line = line[1:].strip()
            if not re.match(r"PRESSWORK_[A-Z_]+=", line):
                continue
        if "=" in line:
            key, value = line.split("=", 1)
            settings[key.strip()] = value.strip().strip('"')
    return settings


def main():
    cli = presswork_cli.load()
    problems = []
    units = sorted(UNITS.glob("*.service"))
    if len(units) != 3:
        problems.append(f"expected 3 units in {UNITS}, found {len(units)}")
    for unit in units:
        role = unit.name.removeprefix("presswork-").split("@")[0].split(".")[0]
        service = parse(unit)
        for key, want in REQUIRED.items():
            if service.get(key, [None])[-1] != want:
                problems.append(f"{unit.name}: {key} should be {want}")
        stop = seconds(service.get("TimeoutStopSec", [""])[-1])
        if stop is None or stop <= DRAIN_SECONDS:
            problems.append(f"{unit.name}: TimeoutStopSec must be longer than the {DRAIN_SECONDS} s drain")
        exec_start = service.get("ExecStart", [""])[-1].split()
        if exec_start[1:2] != [role]:
            problems.append(f"{unit.name}: ExecStart should run `presswork {role}`")
        elif cli:
            problems += presswork_cli.check_argv(exec_start[1:], cli, unit.name)
        env_files = [value.lstrip("-") for value in service.get("EnvironmentFile", [])]
        if f"/etc/presswork/{role}.env" not in env_files:
            problems.append(f"{unit.name}: EnvironmentFile=/etc/presswork/{role}.env missing")
        if role == "coordinator" and "2" not in " ".join(service.get("SuccessExitStatus", [])).split():
            problems.append(f"{unit.name}: exit code 2 (finished with failures) must be a success")
        example = UNITS / "env" / f"{role}.env"
        if not example.exists():
            problems.append(f"{unit.name}: no example {example.name}")
        # worker-N.env: the per-instance files of the worker template.
        for env in [example] + sorted((UNITS / "env").glob(f"{role}-*.env")):
            if not env.exists():
                continue
            settings = env_settings(env)
            problems += presswork_cli.check_values(settings, f"env/{env.name}")
            if cli:
                problems += presswork_cli.check_env(role, settings, cli, f"env/{env.name}")
    if cli is None:
        print("  (presswork not built: environment keys not checked against --help)")
    for problem in problems:
        print(f"  {problem}")
    print(f"  units: {len(units)} checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
