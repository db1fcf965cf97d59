#!/usr/bin/env python3
"""Agreement between two annotation passes of a quote/entity gold set (JSON Lines, one page a line:
`page`, `quotes` [{`text`, `speaker`}], `person`, `organization`, `location`).

Pass B is scored against pass A with the rules of the evaluator's scoring (`GoldMatching` in
tools/scoring): people match by name words (initials and "Jr."/"Sr." dropped; the same surname when
one side is a single word or both start with the same word), organisations and locations when equal
after lower-casing and collapsing spaces, quotes when equal after normalisation or when one of at
least 20 characters contains the other; matching is one to one, greedy, in pass A's order. For each
kind it prints the items of each pass, the matched items and F1 (= 2 * matched / (A + B), symmetric);
for speakers, the share of matched quotes whose speakers agree (both null, or the same person).

Usage: agreement.py PASS_A PASS_B [--list]    (--list: every disagreement, by page)
"""

import json
import sys
import unicodedata

SUFFIXES = {"jr.", "jr", "sr.", "sr", "ii", "iii"}


def collapse(text):
    return " ".join(text.split())


def name_key(name):
    return collapse(name).lower()


def name_words(name):
    return [w for w in name_key(name).split(" ") if w and w not in SUFFIXES and not (len(w) == 2 and w.endswith("."))]


def same_name(a, b):
    x, y = name_words(a), name_words(b)
    if not x or not y:
        return False
    if x == y:
        return True
    return x[-1] == y[-1] and (len(x) == 1 or len(y) == 1 or x[0] == y[0])


def is_outer(ch):
    """Whitespace or punctuation (Unicode category P*), as Swift's `Character.isPunctuation`."""
    return ch.isspace() or unicodedata.category(ch).startswith("P")


def quote_key(text):
    lower = collapse(text).lower()
    start, end = 0, len(lower)
    while start < end and is_outer(lower[start]):
        start += 1
    while end > start and is_outer(lower[end - 1]):
        end -= 1
    return lower[start:end].replace("\u2019", "'")


def same_quote(a, b):
    x, y = quote_key(a), quote_key(b)
    if x == y:
        return True
    return min(len(x), len(y)) >= 20 and (x in y or y in x)


def match(a_items, b_items, same):
    """One-to-one greedy pairs (index in A, index in B), in A's order."""
    used, pairs = set(), []
    for i, a in enumerate(a_items):
        for j, b in enumerate(b_items):
            if j not in used and same(a, b):
                used.add(j)
                pairs.append((i, j))
                break
    return pairs


def load(path):
    with open(path, encoding="utf-8") as handle:
        return {page["page"]: page for page in map(json.loads, filter(str.strip, handle))}


def f1(matched, a, b):
    return 1.0 if a + b == 0 else 2 * matched / (a + b)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        sys.exit(__doc__)
    show = "--list" in sys.argv
    pass_a, pass_b = load(args[0]), load(args[1])
    if set(pass_a) != set(pass_b):
        sys.exit(f"the passes cover different pages: {sorted(set(pass_a) ^ set(pass_b))}")
    kinds = {
        "person": lambda a, b: same_name(a, b),
        "organization": lambda a, b: name_key(a) == name_key(b),
        "location": lambda a, b: name_key(a) == name_key(b),
    }
    totals = {kind: [0, 0, 0] for kind in ["quote", *kinds]}
    speakers_agree = 0
    lines = []
    for page in sorted(pass_a):
        a, b = pass_a[page], pass_b[page]
        quotes_a, quotes_b = a["quotes"], b["quotes"]
        pairs = match([q["text"] for q in quotes_a], [q["text"] for q in quotes_b], same_quote)
        totals["quote"][0] += len(pairs)
        totals["quote"][1] += len(quotes_a)
        totals["quote"][2] += len(quotes_b)
        for i, j in pairs:
            sa, sb = quotes_a[i]["speaker"], quotes_b[j]["speaker"]
            if (sa is None and sb is None) or (sa is not None and sb is not None and same_name(sa, sb)):
                speakers_agree += 1
            else:
                lines.append(f"{page} speaker: A {sa!r} B {sb!r} «{quotes_a[i]['text'][:60]}»")
        only_a = [quotes_a[i]["text"] for i in range(len(quotes_a)) if i not in {p[0] for p in pairs}]
        only_b = [quotes_b[j]["text"] for j in range(len(quotes_b)) if j not in {p[1] for p in pairs}]
        lines += [f"{page} quote only in A: «{t[:80]}»" for t in only_a]
        lines += [f"{page} quote only in B: «{t[:80]}»" for t in only_b]
        for kind, same in kinds.items():
            pairs = match(a[kind], b[kind], same)
            totals[kind][0] += len(pairs)
            totals[kind][1] += len(a[kind])
            totals[kind][2] += len(b[kind])
            only_a = [a[kind][i] for i in range(len(a[kind])) if i not in {p[0] for p in pairs}]
            only_b = [b[kind][j] for j in range(len(b[kind])) if j not in {p[1] for p in pairs}]
            if only_a or only_b:
                lines.append(f"{page} {kind}: only in A {only_a} only in B {only_b}")
    print(f"{len(pass_a)} pages; B against A: matched / A / B, F1 (B's precision, recall against A)")
    for kind, (matched, in_a, in_b) in totals.items():
        precision = matched / in_b if in_b else 1.0
        recall = matched / in_a if in_a else 1.0
        print(
            f"  {kind:<13} {matched:>4} / {in_a:>4} / {in_b:>4}   F1 {f1(matched, in_a, in_b):.3f}"
            f"   (P {precision:.3f} R {recall:.3f})"
        )
    matched_quotes = totals["quote"][0]
    accuracy = speakers_agree / matched_quotes if matched_quotes else 1.0
    print(f"  {'speaker':<13} {speakers_agree:>4} / {matched_quotes:>4} matched quotes agree   {accuracy:.3f}")
    if show:
        print("\n".join(lines))


if __name__ == "__main__":
    main()
