"""Checks the Grafana dashboard deploy/grafana/presswork-dashboard.json: it parses, has the
Grafana 10 layout (schemaVersion, unique panel ids, grid positions), a Prometheus data source
variable that every panel and query uses, at least one query per panel, and every metric it
queries is one the binary documents: the `presswork_*` names listed in the "Operating it" section
of the main README (a histogram's _bucket/_sum/_count series count as the histogram). So a
renamed metric fails here instead of leaving an empty panel. Exit 1 on any problem."""

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = ROOT / "deploy" / "grafana" / "presswork-dashboard.json"
README = ROOT / "README.md"
METRIC = re.compile(r"\bpresswork_[a-z0-9_]+")
SERIES_SUFFIXES = ("_bucket", "_sum", "_count")


def documented_metrics():
    """The metric names in the README's "## Operating it" section (up to the next heading)."""
    text = README.read_text()
    match = re.search(r"^## Operating it\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    if not match:
        return None
    return set(METRIC.findall(match.group(1)))


def metric_names(expr):
    """The metric names a PromQL expression reads (series suffixes of histograms kept)."""
    return set(METRIC.findall(expr))


def main():
    problems = []
    known = documented_metrics()
    if not known:
        print("  README.md has no metric names in an \"Operating it\" section")
        return 1
    try:
        dashboard = json.loads(DASHBOARD.read_text())
    except (OSError, json.JSONDecodeError) as error:
        print(f"  {DASHBOARD.name}: does not parse: {error}")
        return 1
    if not isinstance(dashboard.get("schemaVersion"), int) or dashboard["schemaVersion"] < 36:
        problems.append("schemaVersion should be that of Grafana 10 (36 or later)")
    for key in ("title", "uid"):
        if not dashboard.get(key):
            problems.append(f"dashboard has no {key}")
    variables = {v.get("name"): v for v in dashboard.get("templating", {}).get("list", [])}
    source = variables.get("datasource")
    if not source or source.get("type") != "datasource" or source.get("query") != "prometheus":
        problems.append("no `datasource` variable of type datasource querying prometheus")
    panels = dashboard.get("panels", [])
    # Rows may nest panels; flatten them.
    panels = [p for panel in panels for p in [panel] + panel.get("panels", [])]
    if not panels:
        problems.append("no panels")
    ids = [p.get("id") for p in panels]
    if len(set(ids)) != len(ids) or None in ids:
        problems.append(f"panel ids must be present and unique: {ids}")
    used = set()
    for panel in panels:
        if panel.get("type") == "row":
            continue
        where = f"panel {panel.get('title')!r}"
        if not all(k in panel.get("gridPos", {}) for k in ("x", "y", "w", "h")):
            problems.append(f"{where}: gridPos needs x, y, w and h")
        if (panel.get("datasource") or {}).get("uid") != "${datasource}":
            problems.append(f"{where}: datasource should be the ${{datasource}} variable")
        targets = [t for t in panel.get("targets", []) if str(t.get("expr", "")).strip()]
        if not targets:
            problems.append(f"{where}: no target with a query")
        ref_ids = [t.get("refId") for t in panel.get("targets", [])]
        if len(set(ref_ids)) != len(ref_ids):
            problems.append(f"{where}: refIds must be unique")
        for target in targets:
            if (target.get("datasource") or {}).get("uid") not in (None, "${datasource}"):
                problems.append(f"{where}: query {target.get('refId')} uses another data source")
            names = metric_names(target["expr"])
            if not names:
                problems.append(f"{where}: query {target['expr']!r} reads no presswork metric")
            if target["expr"].count("(") != target["expr"].count(")"):
                problems.append(f"{where}: unbalanced parentheses in {target['expr']!r}")
            for name in names:
                base = next((name[: -len(s)] for s in SERIES_SUFFIXES
                             if name.endswith(s) and name[: -len(s)] in known), name)
                used.add(base)
                if base not in known:
                    problems.append(f"{where}: {name} is not a metric listed in README.md (Operating it)")
    for problem in problems:
        print(f"  {problem}")
    print(f"  dashboard: {len(panels)} panels, {len(used)} of the {len(known)} documented metrics "
          f"used, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
