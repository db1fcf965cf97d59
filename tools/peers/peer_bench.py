#!/usr/bin/env python3
"""Pages per second and AEB quality of peer extractors (trafilatura, resiliparse) on one core.

Run by tools/benchmarks/extraction.sh from a venv outside the repository. Pages are read into memory first;
each extractor runs over all pages, round after round, for at least --seconds. The quality is the
same AEB shingle metric as presswork-eval (tokens = \\w+ runs, 4-token shingles, P averaged over
pages with output, R over pages with gold).

usage: peer_bench.py CORPUS [--seconds S] [--json]
"""
import argparse
import json
import pathlib
import re
import sys
import time
from collections import Counter

TOKEN = re.compile(r"\w+")


def shingles(text):
    tokens = TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    return Counter(tuple(tokens[i:i + 4]) for i in range(max(1, len(tokens) - 3)))


def quality(gold, predicted):
    precisions, recalls = [], []
    for page_id, gold_text in gold.items():
        g, p = shingles(gold_text), shingles(predicted.get(page_id, ""))
        tp = sum((g & p).values())
        fp = sum((p - g).values())
        fn = sum((g - p).values())
        if tp + fp > 0:
            precisions.append(tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(tp / (tp + fn))
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, precision, recall


def extractors():
    found = {}
    try:
        import trafilatura

        found["trafilatura " + trafilatura.__version__] = lambda html: trafilatura.extract(html) or ""
    except ImportError as error:
        print(f"trafilatura unavailable: {error}", file=sys.stderr)
    try:
        import importlib.metadata

        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.html import HTMLTree

        version = importlib.metadata.version("resiliparse")
        found["resiliparse " + version] = lambda html: extract_plain_text(
            HTMLTree.parse(html), main_content=True
        )
    except ImportError as error:
        print(f"resiliparse unavailable: {error}", file=sys.stderr)
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    corpus = pathlib.Path(args.corpus)
    pages, gold = {}, {}
    for path in sorted((corpus / "html").glob("*.html")):
        pages[path.stem] = path.read_bytes().decode("utf-8", errors="replace")
        gold_path = corpus / "gold" / (path.stem + ".json")
        if gold_path.exists():
            gold[path.stem] = json.loads(gold_path.read_text()).get("articleBody", "")
    rows = []
    for name, extract in extractors().items():
        outputs = {page_id: extract(html) for page_id, html in pages.items()}  # warm-up and quality
        rounds, started = 0, time.perf_counter()
        while True:
            for html in pages.values():
                extract(html)
            rounds += 1
            elapsed = time.perf_counter() - started
            if elapsed >= args.seconds:
                break
        f1, precision, recall = quality(gold, outputs)
        rows.append({
            "extractor": name, "pages": len(pages), "rounds": rounds,
            "pages_per_second": rounds * len(pages) / elapsed,
            "f1": f1, "precision": precision, "recall": recall,
        })
    if args.json:
        print(json.dumps(rows))
    else:
        for row in rows:
            print(f"{row['extractor']}: {row['pages_per_second']:.0f} pages/s, F1 {row['f1']:.4f} "
                  f"P {row['precision']:.4f} R {row['recall']:.4f}")


if __name__ == "__main__":
    main()
