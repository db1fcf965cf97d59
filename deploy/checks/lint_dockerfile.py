"""A small Dockerfile lint for deploy/docker/Dockerfile (no hadolint or Docker engine here):
every stage is named, no base image is untagged or `latest` (ARG defaults resolved), the final
stage runs as a non-root user and starts presswork, it installs only the runtime libraries, and
every COPY source exists in the build context (the repository root). Exit 1 on any problem."""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "deploy" / "docker" / "Dockerfile"
RUNTIME_PACKAGES = {"libzmq5", "zlib1g", "libdeflate0", "libzstd1", "ca-certificates"}


def instructions(text):
    """(keyword, arguments) per instruction, continuation lines joined, comments dropped."""
    joined, current = [], ""
    for line in text.splitlines():
        if line.lstrip().startswith("#") and not current:
            continue
        current += line.rstrip("\\").strip() + " " if line.endswith("\\") else line.strip()
        if not line.endswith("\\"):
            if current.strip():
                keyword, _, rest = current.strip().partition(" ")
                joined.append((keyword.upper(), rest.strip()))
            current = ""
    return joined


def main():
    problems = []
    args, stages = {}, []
    for keyword, rest in instructions(DOCKERFILE.read_text()):
        if keyword == "ARG" and not stages:
            name, _, default = rest.partition("=")
            args[name] = default
        elif keyword == "FROM":
            match = re.fullmatch(r"(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?", rest, re.I)
            image = re.sub(r"\$\{?(\w+)\}?", lambda m: args.get(m.group(1), ""), match.group(1))
            stages.append({"image": image, "name": match.group(2), "user": None, "run": [],
                           "entrypoint": None})
            if not match.group(2):
                problems.append(f"FROM {rest}: stage has no name (AS …)")
            known = {s["name"] for s in stages[:-1]}
            if image not in known and (":" not in image.split("/")[-1] or image.endswith(":latest")):
                problems.append(f"FROM {rest}: base image {image or '(empty ARG)'} needs a pinned tag")
        elif not stages:
            continue
        elif keyword == "USER":
            stages[-1]["user"] = rest
        elif keyword == "RUN":
            stages[-1]["run"].append(rest)
        elif keyword == "ENTRYPOINT":
            stages[-1]["entrypoint"] = rest
        elif keyword in ("COPY", "ADD") and "--from=" not in rest:
            words = [w for w in rest.split() if not w.startswith("--")]
            for source in words[:-1]:
                if not any(ROOT.glob(source)):
                    problems.append(f"{keyword} {rest}: {source} is not in the build context")
    if len(stages) < 2:
        problems.append("expected a multi-stage build (build and runtime stages)")
    else:
        final = stages[-1]
        user = (final["user"] or "root").split(":")[0]
        if user in ("root", "0"):
            problems.append("the final stage must switch to a non-root USER")
        if not final["entrypoint"] or "presswork" not in final["entrypoint"]:
            problems.append("the final stage's ENTRYPOINT must be presswork")
        installed = set()
        for command in final["run"]:
            for match in re.finditer(r"apt-get install ((?:-\S+\s+)*)((?:[a-z0-9.+-]+\s*)+)", command):
                installed |= set(match.group(2).split())
        if installed - RUNTIME_PACKAGES:
            problems.append(f"runtime stage installs more than it needs: {sorted(installed - RUNTIME_PACKAGES)}")
        if RUNTIME_PACKAGES - installed:
            problems.append(f"runtime stage lacks {sorted(RUNTIME_PACKAGES - installed)}")
    for problem in problems:
        print(f"  {problem}")
    print(f"  Dockerfile: {len(stages)} stages, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
