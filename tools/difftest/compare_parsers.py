#!/usr/bin/env python3
"""Differential test of our HTML parser against html5lib (the reference implementation of the
WHATWG parsing algorithm, in Python) on every page of a corpus.

Our side: `presswork-eval CORPUS --dump-text DIR` writes the text content of our tree per page.
Reference side: html5lib's tree of the same bytes, text content collected the same way: every text
node in document order, leaving out comments and the content of script, style, template, noscript,
iframe, noembed, noframes, xmp, textarea, title and head.

Compared: the multiset of word tokens (\\w+ runs). A page passes when the token F1 is at least
--min-f1 (default 0.99). Why not exact: our light tree builder deliberately skips parts of tree
construction that move or clone text without changing what a reader sees as the page's words:
foster parenting (text misplaced in tables is moved before the table: order, not words), the
adoption agency algorithm (reopens formatting elements: no text change), and the implied
html/head/body elements (text before <body> goes to the body in html5lib; in our tree it stays
where it was, unless it sits inside an unclosed <head>). Whitespace is ignored altogether.

usage: compare_parsers.py CORPUS OUR_TEXT_DIR [--min-f1 0.99] [--show N]
Exit status 1 when a page falls below the tolerance.
"""
import argparse
import pathlib
import re
import sys
from collections import Counter

import html5lib

SKIPPED = {"script", "style", "template", "noscript", "iframe", "noembed", "noframes", "xmp",
           "textarea", "title", "head"}
TOKEN = re.compile(r"\w+")


def reference_text(data):
    try:
        source = data.decode("utf-8")
    except UnicodeDecodeError:
        source = data  # let html5lib sniff the charset
    tree = html5lib.parse(source, treebuilder="etree", namespaceHTMLElements=False)
    parts = []
    stack = [(tree, False)]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        element, skipped = item
        tag = element.tag if isinstance(element.tag, str) else ""
        local = tag.rsplit("}", 1)[-1].lower()
        is_comment = element.tag is not None and not isinstance(element.tag, str)
        skip_here = skipped or local in SKIPPED or is_comment
        # Children and tails in document order (pushed reversed).
        pending = []
        if element.text and not skip_here:
            pending.append(element.text)
        for child in element:
            pending.append((child, skip_here))
            if child.tail and not skipped:
                pending.append(child.tail)
        stack.extend(reversed(pending))
    return "".join(parts)


def token_f1(ours, reference):
    a, b = Counter(TOKEN.findall(ours)), Counter(TOKEN.findall(reference))
    common = sum((a & b).values())
    if not a and not b:
        return 1.0, Counter(), Counter()
    precision = common / max(1, sum(a.values()))
    recall = common / max(1, sum(b.values()))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, a - b, b - a


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("ours")
    parser.add_argument("--min-f1", type=float, default=0.99)
    parser.add_argument("--show", type=int, default=10)
    args = parser.parse_args()
    html_dir = pathlib.Path(args.corpus) / "html"
    results = []
    for path in sorted(html_dir.glob("*.html")):
        ours = (pathlib.Path(args.ours) / (path.stem + ".txt")).read_text()
        f1, extra, missing = token_f1(ours, reference_text(path.read_bytes()))
        results.append((f1, path.stem, extra, missing))
    results.sort()
    failing = [r for r in results if r[0] < args.min_f1]
    mean = sum(r[0] for r in results) / len(results)
    print(f"{len(results)} pages, mean token F1 {mean:.4f}, min {results[0][0]:.4f}, "
          f"{len(failing)} below {args.min_f1}")
    for f1, stem, extra, missing in results[:args.show]:
        print(f"  {f1:.4f} {stem[:16]}  only ours: {extra.most_common(6)}  only reference: {missing.most_common(6)}")
    sys.exit(1 if failing else 0)


if __name__ == "__main__":
    main()
