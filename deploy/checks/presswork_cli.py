"""The subcommands and options of the built `presswork` binary, read from its `--help` output,
so deployment files can be checked against the real command line. Used by the other checks."""

import os
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ROLES = ("coordinator", "collector", "worker", "status", "run", "extract")
# Options every role reads from the environment besides its flags.
COMMON_ENV = {"config", "log_level"}


def binary():
    """The binary named by PRESSWORK_BIN (default .build/debug/presswork), or None if not built."""
    path = Path(os.environ.get("PRESSWORK_BIN", ".build/debug/presswork"))
    if not path.is_absolute():
        path = ROOT / path
    return path if os.access(path, os.X_OK) else None


def options(role, exe):
    """The long options of `presswork ROLE` (without dashes), e.g. {"bind", "status-bind"}."""
    text = subprocess.run([str(exe), role, "--help"], capture_output=True, text=True, timeout=20).stdout
    names = set(re.findall(r"(?<![\w-])--([a-z][a-z0-9-]*)", text))
    if "-o, --output" in text:
        names.add("o")
    return names - {"help", "version"}


def load():
    """{role: options} for every role, or None when the binary is not built."""
    exe = binary()
    if exe is None:
        return None
    return {role: options(role, exe) for role in ROLES}


def env_option(key):
    """PRESSWORK_STATUS_BIND -> "status-bind" (how the binary maps variables to options)."""
    return key.removeprefix("PRESSWORK_").lower().replace("_", "-")


def check_env(role, keys, cli, where):
    """Problems with PRESSWORK_* keys that `presswork ROLE` would not read."""
    problems = []
    for key in keys:
        if not key.startswith("PRESSWORK_"):
            continue
        name = env_option(key)
        if role == "coordinator" and name == "inputs":
            continue
        if name.replace("-", "_") in COMMON_ENV or name in cli[role]:
            continue
        problems.append(f"{where}: {key} is not an option of `presswork {role}`")
    return problems


def check_values(settings, where):
    """Problems with the form of values: PRESSWORK_METRICS_BIND is HOST:PORT (an HTTP listener,
    no scheme); the ZeroMQ endpoints are tcp://… or ipc://…"""
    problems = []
    for key, value in settings.items():
        value = str(value)
        if key == "PRESSWORK_METRICS_BIND":
            if not re.fullmatch(r"(\[[0-9A-Fa-f:.]+\]|[\w.-]+):\d{1,5}", value):
                problems.append(f"{where}: {key}={value} should be HOST:PORT (no tcp://)")
        elif key in ("PRESSWORK_BIND", "PRESSWORK_STATUS_BIND", "PRESSWORK_COORDINATOR",
                     "PRESSWORK_COLLECTOR") and not value.startswith(("tcp://", "ipc://", "$")):
            problems.append(f"{where}: {key}={value} should be a tcp:// or ipc:// endpoint")
    return problems


def check_argv(argv, cli, where):
    """Problems with a command line `ROLE [args…]`: unknown role or options."""
    if not argv:
        return [f"{where}: empty command"]
    role = argv[0]
    if role not in cli:
        return [f"{where}: '{role}' is not a presswork subcommand"]
    problems = []
    for word in argv[1:]:
        if word.startswith("--"):
            name = word[2:].split("=", 1)[0]
            if name not in cli[role]:
                problems.append(f"{where}: `presswork {role}` has no option --{name}")
        elif word == "-o" and "o" not in cli[role]:
            problems.append(f"{where}: `presswork {role}` has no option -o")
    return problems
