#!/usr/bin/env python3
"""Choose the pages of the WCXB quote/entity gold set (a measuring set, never tuned on).

The choice is fixed before anyone looks at Presswork's output on the pages: it depends only on the
WCXB development split's ground truth and HTML and on a seed, so rerunning the script gives the
same list.

A page is eligible when
  * its ground truth's `_internal.page_type.primary` is `article`;
  * it is English: the `<html lang>` attribute, when the page has one, starts with `en`, and at
    least 20% of the words of its `ground_truth.main_content` are common English function words
    (a language test that does not depend on the markup);
  * its `main_content` has between 150 and 1,500 words (`\\w+` runs), enough text to name people
    and organisations, short enough to annotate by hand.

Every eligible page gets a rank: the SHA-256 of "<seed>:<id>" (hexadecimal, compared as text).
Walking the pages by rank, a page is taken unless a page of the same domain (the URL's host,
lower-cased, without a leading `www.`) was already taken, until `--count` pages are taken. The
chosen ids are written in ascending id order, one a line.

Usage: select_wcxb_gold.py [--corpus DIR] [--seed N] [--count N] [--out FILE]
"""

import argparse
import gzip
import hashlib
import json
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

SEED = 12
COUNT = 40
MIN_WORDS = 150
MAX_WORDS = 1500
MIN_STOPWORD_SHARE = 0.20

STOPWORDS = set(
    """a about after all also an and are as at be because been but by can could did do does for
    from had has have he her his how i if in into is it its more most my no not of on or our out
    she so than that the their them there these they this to was we were what when which who will
    with would you your""".split()
)

WORD = re.compile(r"\w+")
HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z-]*)", re.IGNORECASE)


def domain(url):
    """The URL's host, lower-cased, without a leading `www.`."""
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def html_lang(html_path):
    """The `lang` of the page's `<html>` element, lower-cased, or None."""
    with gzip.open(html_path, "rb") as handle:
        head = handle.read(65536).decode("utf-8", "replace")
    match = HTML_LANG.search(head)
    return match.group(1).lower() if match and match.group(1) else None


def eligible(corpus, page_id, truth):
    """Whether the page meets every condition of the module docstring."""
    if truth.get("_internal", {}).get("page_type", {}).get("primary") != "article":
        return False
    text = (truth.get("ground_truth") or {}).get("main_content") or ""
    words = [w.lower() for w in WORD.findall(text)]
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return False
    if sum(w in STOPWORDS for w in words) < MIN_STOPWORD_SHARE * len(words):
        return False
    lang = html_lang(corpus / "html" / f"{page_id}.html.gz")
    return lang is None or lang.startswith("en")


def select(corpus, seed, count):
    """The chosen page ids, ascending."""
    candidates = []
    for path in sorted((corpus / "ground-truth").glob("*.json")):
        page_id = path.stem
        truth = json.loads(path.read_text(encoding="utf-8"))
        if eligible(corpus, page_id, truth):
            rank = hashlib.sha256(f"{seed}:{page_id}".encode()).hexdigest()
            candidates.append((rank, page_id, domain(truth.get("url") or "")))
    chosen, seen = [], set()
    for _, page_id, host in sorted(candidates):
        if host in seen:
            continue
        seen.add(host)
        chosen.append(page_id)
        if len(chosen) == count:
            break
    if len(chosen) < count:
        sys.exit(f"only {len(chosen)} eligible pages from distinct domains")
    print(f"{len(candidates)} eligible pages; chose {count} (seed {seed})", file=sys.stderr)
    return sorted(chosen)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default="../shared/corpus/wcxb-dev", type=Path)
    parser.add_argument("--seed", default=SEED, type=int)
    parser.add_argument("--count", default=COUNT, type=int)
    parser.add_argument("--out", default="Tests/ArticlePipelineTests/Gold/wcxb-entities.selection.txt")
    args = parser.parse_args()
    ids = select(args.corpus, args.seed, args.count)
    Path(args.out).write_text("".join(f"{i}\n" for i in ids), encoding="utf-8")


if __name__ == "__main__":
    main()
