#!/usr/bin/env python3
"""Write a synthetic news scrape of any size from a folder of template pages.

Each article is a template (.html/.htm/.txt) varied by byte-level edits (unique URL, new date, one
paragraph dropped or two swapped, an inserted "Update <n>" paragraph), streamed to the output.
Optional broken records exercise readers and the dead-letter path; the JSON summary on stderr says
how many records a correct pipeline should produce. Standard library only; see tools/README.md.

    python3 tools/gen_scrape.py --pages tools/sample-pages --count 10000 \
        --format warc.gz --out /tmp/x.warc.gz --broken 0.02 --seed 7 --ids-out /tmp/ids.txt
"""

import argparse
import base64
import datetime
import gzip
import hashlib
import json
import os
import random
import re
import sys
import time
import uuid
import zlib
from dataclasses import dataclass, field

FORMATS = ("warc", "warc.gz", "jsonl", "jsonl.gz", "dir")
HOST = "news.example.org"
RECOVERABLE = "invalid-utf8 (recoverable)"
# Broken kinds per format. Only RECOVERABLE still yields a record; "truncated-gzip" can only be
# the last gzip member (a reader cannot find anything after a cut member), so it is placed there.
BROKEN_KINDS = {
    "warc": ["content-length-overrun", "binary-body", RECOVERABLE],
    "warc.gz": ["corrupt-gzip", "content-length-overrun", "binary-body", RECOVERABLE],
    "jsonl": ["invalid-json", "missing-body", "binary-line"],
    "jsonl.gz": ["invalid-json", "missing-body", "binary-line"],
    "dir": ["binary-body", RECOVERABLE],
}
CHUNKED_EVERY = 10  # every 10th HTTP body uses Transfer-Encoding: chunked
MIN_PARAGRAPH = 120  # bytes of inner text for a <p>, a leaf <div> or a text block to count as prose
PARAGRAPH_RE = re.compile(rb"<p(?:\s[^>]*)?>((?:(?!<p[\s>]).)*?)</p\s*>|<div(?:\s[^>]*)?>([^<]*)</div\s*>",
                          re.S | re.I)
CHARSET_RE = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
DATE_RE = re.compile(rb"(?:article:published_time\"\s+content=\"|\"datePublished\"\s*:\s*\"|"
                     rb"itemprop=\"datePublished\"\s+content=\")(\d{4}-\d{2}-\d{2})")
OG_URL_RE = re.compile(rb"<meta\s+property=\"og:url\"\s+content=\"([^\"]+)\"", re.I)
WHO, DID = ["Editors", "The newsroom", "Our reporters", "The city desk"], ["added", "corrected", "updated"]
WHAT = ["figures from the council", "a statement from the regional office", "the timeline",
        "comments from residents", "the spelling of a name"]


@dataclass
class Article:
    """One generated article, handed to a writer; `kind` is its broken kind or None."""

    n: int
    url: str
    fetched: datetime.datetime
    body: bytes
    template: "Template"
    content_type: str
    kind: str | None


@dataclass
class Template:
    """A template page, analysed once: where paragraphs are, where to insert, what to replace."""

    slug: str
    kind: str  # "html" or "text"
    data: bytes
    charset: str
    paragraphs: list = field(default_factory=list)  # (start, end) of candidate paragraphs
    pairs: list = field(default_factory=list)  # i where paragraphs i and i+1 are neighbours in one run
    insert_at: int = 0
    fixed_spans: list = field(default_factory=list)  # (start, end, "date" | "url")


def load_templates(root):
    """Every .html/.htm/.txt file under `root`, in a stable order (determinism needs it)."""
    paths = [os.path.join(folder, f) for folder, _, files in os.walk(root) for f in files
             if f.lower().endswith((".html", ".htm", ".txt"))]
    templates = [analyse(p) for p in sorted(paths)]
    if not templates:
        raise SystemExit(f"gen_scrape: no .html/.htm/.txt templates under {root}")
    return templates


def analyse(path):
    """Read a template once and find its candidate paragraphs, insertion point, date and URL."""
    data = open(path, "rb").read()
    name = os.path.basename(path)
    stem = name.rsplit(".", 1)[0].lower()
    slug = (re.sub(r"[^a-z0-9]+", "-", stem).strip("-") or "page")[:48].rstrip("-")
    if name.lower().endswith(".txt"):
        t = Template(slug, "text", data, "utf-8")
        for m in re.finditer(rb"[^\n](?:.|\n(?!\s*\n))*", data):
            if m.end() - m.start() >= MIN_PARAGRAPH and not m.group().startswith(b"Photo"):
                t.paragraphs.append((m.start(), m.end()))
        tail = data.rfind(b"\nMore In")
        t.insert_at, t.pairs = (tail + 1 if tail >= 0 else len(data)), list(range(len(t.paragraphs) - 1))
        return t
    m = CHARSET_RE.search(data[:4096])
    charset = m.group(1).decode("ascii").lower() if m else "utf-8"
    t = Template(slug, "html", data, charset)
    t.paragraphs = [(m.start(), m.end()) for m in PARAGRAPH_RE.finditer(data)
                    if len(m.group(1) or m.group(2) or b"") >= MIN_PARAGRAPH]
    # After the last prose paragraph, else before the end of the article, main part or body.
    ends = [data.lower().rfind(tag) for tag in (b"</article>", b"</main>", b"</body>")]
    t.insert_at = t.paragraphs[-1][1] if t.paragraphs else next((e for e in ends if e >= 0), len(data))
    spans = []
    for what, pattern in (("date", DATE_RE), ("url", OG_URL_RE)):  # every copy of the value
        if m := pattern.search(data):
            spans += [(x.start(), x.end(), what) for x in re.finditer(re.escape(m.group(1)), data)]
    # Edit only paragraphs in a run of prose, never across page regions (a long cookie text in a <div>).
    t.pairs = [i for i, (a, b) in enumerate(zip(t.paragraphs, t.paragraphs[1:])) if b[0] - a[1] < 300]
    for span in sorted(spans):  # keep spans clear of paragraphs, the insertion point and each other
        clear = all(span[1] <= a or span[0] >= b for a, b in t.paragraphs)
        if clear and not span[0] < t.insert_at < span[1]:
            if not t.fixed_spans or span[0] >= t.fixed_spans[-1][1]:
                t.fixed_spans.append(span)
    return t


def update_sentence(n, day, rng, invalid_utf8):
    """The generated paragraph that makes every article's text unique (ASCII, or bad UTF-8)."""
    text = f"Update {n}: {rng.choice(WHO)} {rng.choice(DID)} {rng.choice(WHAT)} on {day:%B %d, %Y}."
    raw = text.encode("ascii")
    if invalid_utf8:  # a Latin-1 byte, a stray continuation byte and a cut 2-byte sequence
        raw += b" Caf\xe9 owners \x80 said prices \xc3 would rise."
    return raw


def make_body(t, n, url, day, rng, invalid_utf8=False):
    """Return the varied page bytes: paragraph drop/swap, date and URL, an inserted update."""
    edits = [(s, e, day.isoformat().encode() if what == "date" else url.encode())
             for s, e, what in t.fixed_spans]
    if len(t.pairs) >= 2:
        i = t.pairs[rng.randrange(len(t.pairs))]
        (a0, a1), (b0, b1) = t.paragraphs[i], t.paragraphs[i + 1]
        if rng.random() < 0.5:
            edits.append((a0, a1, b""))  # drop one paragraph
        else:
            edits += [(a0, a1, t.data[b0:b1]), (b0, b1, t.data[a0:a1])]  # swap two neighbours
    update = update_sentence(n, day, rng, invalid_utf8)
    edits.append((t.insert_at, t.insert_at,
                  b"\n<p>" + update + b"</p>" if t.kind == "html" else update + b"\n\n"))
    edits.sort(key=lambda e: (e[0], e[1]))
    out, pos = [], 0
    for start, end, replacement in edits:
        out += [t.data[pos:start], replacement]
        pos = end
    out.append(t.data[pos:])
    return b"".join(out)


def junk(rng, size):
    """Binary junk with NUL bytes in it; never contains a newline (it must fit on a JSONL line)."""
    raw = bytearray(rng.randbytes(size).replace(b"\n", b"\x00"))
    raw[:: max(1, size // 16)] = bytes(len(raw[:: max(1, size // 16)]))
    return bytes(raw)


def sha1_label(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def record_id(rng):  # from the seeded generator, so output is reproducible
    return f"<urn:uuid:{uuid.UUID(int=rng.getrandbits(128), version=4)}>"


class WarcWriter:
    """WARC/1.1: a warcinfo record, then a request and a response record per article."""

    def __init__(self, out, gz, level, rng, filename, when):
        self.out, self.gz, self.level, self.rng = out, gz, level, rng
        self.info_id = record_id(rng)
        fields = (f"software: presswork tools/gen_scrape.py\r\nformat: WARC File Format 1.1\r\n"
                  f"isPartOf: presswork-synthetic\r\ndescription: synthetic news scrape\r\n").encode()
        self._emit(self._record("warcinfo", self.info_id, when, None, "application/warc-fields",
                                fields, [("WARC-Filename", filename)]))

    def _record(self, kind, rid, when, uri, ctype, block, extra=(), length=None):
        lines = [("WARC-Type", kind), ("WARC-Record-ID", rid), ("WARC-Date", when)]
        if uri:
            lines.append(("WARC-Target-URI", uri))
        if kind != "warcinfo":
            lines.append(("WARC-Warcinfo-ID", self.info_id))
        lines += list(extra) + [("Content-Type", ctype), ("Content-Length", str(length or len(block)))]
        head = "WARC/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in lines) + "\r\n"
        return head.encode() + block + b"\r\n\r\n"

    def _emit(self, record, damage=None):
        if not self.gz:
            self.out.write(record)
            return
        if damage is None:
            self.out.write(zlib.compress(record, self.level, 31))
            return
        c = zlib.compressobj(self.level, zlib.DEFLATED, 31)
        head = c.compress(record[: len(record) // 2]) + c.flush(zlib.Z_FULL_FLUSH)
        member = bytearray(head + c.compress(record[len(record) // 2:]) + c.flush())
        if damage == "truncated-gzip":
            self.out.write(bytes(member[: len(member) // 2]))
            return
        # After a full flush the next deflate block header starts on this byte: give it the
        # reserved block type 11 and scramble what follows, so inflate fails right here.
        member[len(head)] = (member[len(head)] & 0xF8) | 0x06
        member[len(head) + 1: len(head) + 17] = self.rng.randbytes(16)
        try:
            zlib.decompress(bytes(member), 31)
            raise AssertionError("corrupted gzip member still inflates")
        except zlib.error:
            pass
        self.out.write(bytes(member))

    def write(self, a):
        n, url, fetched, body, kind = a.n, a.url, a.fetched, a.body, a.kind
        when = fetched.strftime("%Y-%m-%dT%H:%M:%SZ")
        request = (f"GET {url.split(HOST, 1)[1]} HTTP/1.1\r\nHost: {HOST}\r\nUser-Agent: presswork-gen/1"
                   f"\r\nAccept: text/html,text/plain;q=0.9\r\nAccept-Encoding: identity\r\n\r\n").encode()
        req_id, resp_id = record_id(self.rng), record_id(self.rng)
        self._emit(self._record("request", req_id, when, url, "application/http; msgtype=request",
                                request, [("WARC-Concurrent-To", resp_id)]))
        headers = [f"Date: {fetched:%a, %d %b %Y %H:%M:%S} GMT", "Server: nginx",
                   f"Content-Type: {a.content_type}", "Cache-Control: max-age=300", "Connection: close"]
        if n % CHUNKED_EVERY == 0:
            payload, pos = [], 0
            while pos < len(body):
                size = self.rng.randint(512, 6000)
                piece = body[pos: pos + size]
                payload += [f"{len(piece):x}\r\n".encode(), piece, b"\r\n"]
                pos += size
            payload = b"".join(payload) + b"0\r\n\r\n"
            headers.append("Transfer-Encoding: chunked")
        else:
            payload = body
            headers.append(f"Content-Length: {len(body)}")
        block = ("HTTP/1.1 200 OK\r\n" + "".join(h + "\r\n" for h in headers) + "\r\n").encode() + payload
        # The payload digest covers the body as sent (still chunked), as crawlers and checkers do.
        extra = [("WARC-Concurrent-To", req_id), ("WARC-Payload-Digest", sha1_label(payload)),
                 ("WARC-Block-Digest", sha1_label(block))]
        # An overrun claims 40-150 bytes more than there are: less than the next request record
        # holds before its own block, so a reader that re-syncs on "WARC/1.1" loses nothing else.
        length = len(block) + self.rng.randint(40, 150) if kind == "content-length-overrun" else None
        record = self._record("response", resp_id, when, url, "application/http; msgtype=response",
                              block, extra, length)
        self._emit(record, kind if kind in ("corrupt-gzip", "truncated-gzip") else None)
        return url


class JsonlWriter:
    """One JSON object per line: {"url", "html" or "text", "fetched_at"}."""

    def __init__(self, out, rng):
        self.out, self.rng = out, rng

    def write(self, a):
        if a.kind == "binary-line":
            self.out.write(junk(self.rng, self.rng.randint(200, 4000)) + b"\n")
            return a.url
        obj = {"url": a.url}
        if a.kind != "missing-body":
            try:
                text = a.body.decode(a.template.charset, "replace")
            except LookupError:  # a charset label Python does not know
                text = a.body.decode("utf-8", "replace")
            obj["text" if a.template.kind == "text" else "html"] = text
        obj["fetched_at"] = a.fetched.strftime("%Y-%m-%dT%H:%M:%SZ")
        line = json.dumps(obj, ensure_ascii=False).encode("utf-8")
        if a.kind == "invalid-json":
            line = line[: self.rng.randint(len(line) // 4, len(line) * 3 // 4)]
        self.out.write(line + b"\n")
        return a.url


class DirWriter:
    """One file per article, `<slug>-<n>.html|.txt`; such files carry no URL, so the key is the name."""

    def __init__(self, folder, counter):
        self.folder, self.counter = folder, counter
        os.makedirs(folder, exist_ok=True)

    def write(self, a):
        name = f"{a.template.slug}-{a.n}.{'txt' if a.template.kind == 'text' else 'html'}"
        with open(os.path.join(self.folder, name), "wb") as f:
            f.write(a.body)
        self.counter.bytes += len(a.body)
        return name


class CountingFile:
    """A binary output stream that counts the bytes written to it."""

    def __init__(self, raw):
        self.raw, self.bytes = raw, 0

    def write(self, data):
        self.bytes += len(data)
        self.raw.write(data)


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--pages", required=True, help="folder of template .html/.htm/.txt pages")
    p.add_argument("--count", type=int, required=True, help="number of articles to write")
    p.add_argument("--format", choices=FORMATS, required=True)
    p.add_argument("--out", required=True, help="output file ('-' for stdout) or folder for dir")
    p.add_argument("--broken", type=float, default=0.0, help="fraction of articles made broken")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--ids-out", help="write the URL (dir: file name) of every expected record")
    p.add_argument("--pick", choices=("round-robin", "random"), default="round-robin")
    p.add_argument("--start-date", default="2025-01-01", help="first publication date")
    p.add_argument("--days", type=int, default=660, help="publication dates span this many days")
    p.add_argument("--level", type=int, default=1, choices=range(1, 10), metavar="1-9",
                   help="gzip level; 1 (default) is fast, 6 gives the usual ratio at about half the speed")
    args = p.parse_args(argv)
    if args.count < 0 or not 0.0 <= args.broken <= 1.0 or args.days < 1:
        p.error("--count must be >= 0, --broken within 0..1, --days >= 1")
    if args.format == "dir" and args.out == "-":
        p.error("--format dir needs a folder for --out")
    return args


def plan_broken(args, rng):
    """Exactly round(count * broken) broken slots, kinds dealt round-robin for an even mix."""
    slots = sorted(rng.sample(range(1, args.count + 1), round(args.count * args.broken)))
    kinds = BROKEN_KINDS[args.format]
    plan = {slot: kinds[i % len(kinds)] for i, slot in enumerate(slots)}
    if args.format == "warc.gz" and slots:
        del plan[slots[-1]]
        plan[args.count] = "truncated-gzip"
    return plan


def next_article(n, kind, args, templates, rng):
    """Build article `n` (`kind` is its broken kind or None); bad UTF-8 goes into a UTF-8 page."""
    index = (n - 1) % len(templates) if args.pick == "round-robin" else rng.randrange(len(templates))
    if kind == RECOVERABLE and templates[index].charset not in ("utf-8", "utf8"):
        utf8 = [i for i, t in enumerate(templates) if t.charset in ("utf-8", "utf8")]
        index = next((i for i in utf8 if i > index), utf8[0] if utf8 else index)
    t = templates[index]
    day = datetime.date.fromisoformat(args.start_date) + datetime.timedelta(days=rng.randrange(args.days))
    fetched = datetime.datetime.combine(day, datetime.time()) + datetime.timedelta(
        seconds=rng.randrange(6 * 3600, 30 * 3600))
    url = f"https://{HOST}/{day:%Y/%m/%d}/{t.slug}-{n}"
    body = make_body(t, n, url, day, rng, invalid_utf8=kind == RECOVERABLE)
    if kind == "binary-body":
        body = junk(rng, rng.randint(500, 8000))
    charset = "utf-8" if kind == RECOVERABLE else t.charset
    ctype = f"text/{'plain' if t.kind == 'text' else 'html'}; charset={charset}"
    return Article(n, url, fetched, body, t, ctype, kind)


def main(argv=None):
    args = parse_args(argv)
    started = time.monotonic()
    rng = random.Random(args.seed)
    templates = load_templates(args.pages)
    broken = plan_broken(args, rng)
    raw = None if args.format == "dir" else sys.stdout.buffer if args.out == "-" else open(args.out, "wb")
    out = CountingFile(raw)
    # jsonl.gz is one gzip stream for the whole file, as `gzip` itself writes it.
    sink = gzip.GzipFile(filename="", mode="wb", fileobj=out, compresslevel=args.level, mtime=0) \
        if args.format == "jsonl.gz" else out
    if args.format == "dir":
        writer = DirWriter(args.out, out)
    elif args.format.startswith("warc"):
        end = datetime.date.fromisoformat(args.start_date) + datetime.timedelta(days=args.days + 1)
        writer = WarcWriter(out, args.format == "warc.gz", args.level, rng, os.path.basename(args.out),
                            f"{end:%Y-%m-%d}T00:00:00Z")
    else:
        writer = JsonlWriter(sink, rng)
    ids_file = open(args.ids_out, "w", encoding="utf-8", buffering=1 << 16) if args.ids_out else None
    counts, good = {}, 0
    for n in range(1, args.count + 1):
        article = next_article(n, broken.get(n), args, templates, rng)
        key = writer.write(article)
        if article.kind:
            counts[article.kind] = counts.get(article.kind, 0) + 1
        if article.kind in (None, RECOVERABLE):
            good += 1
            if ids_file:
                ids_file.write(key + "\n")
    if sink is not out:
        sink.close()  # writes the gzip trailer into `out`
    if raw is not None:
        raw.flush() if raw is sys.stdout.buffer else raw.close()
    if ids_file:
        ids_file.close()
    summary = {"format": args.format, "seed": args.seed, "templates": len(templates),
               "articles_written": args.count, "ids": good, "broken": dict(sorted(counts.items())),
               "expected_records": good, "expected_failures": args.count - good, "bytes": out.bytes,
               "seconds": round(time.monotonic() - started, 2)}
    print(json.dumps(summary), file=sys.stderr)


if __name__ == "__main__":
    main()
