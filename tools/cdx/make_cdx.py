#!/usr/bin/env python3
"""Write a CDX index (CDXJ lines, as public crawls publish them) for WARC.gz files that keep one
record per gzip member: one line per `response` record with its URL, media type, HTTP status,
and the offset and length of its gzip member. For tests and demos of `presswork run --cdx`.

    tools/cdx/make_cdx.py crawl.warc.gz [more.warc.gz …] > index.cdxj   (add --gzip for .gz)

File names are written as given (relative names resolve against `--base` when presswork reads
the index). Members that do not decode are left out, as an indexer would.
"""
import argparse
import gzip
import json
import re
import sys
import zlib


def members(data):
    """(offset, length, decoded bytes or None) of every gzip member of `data`."""
    view = memoryview(data)
    offset = 0
    while offset < len(data):
        # Fed in pieces from a view: slicing the rest of a large file for every member would copy
        # it each time (quadratic in the file's size).
        decoder = zlib.decompressobj(wbits=31)
        position = offset
        pieces = []
        try:
            while not decoder.eof and position < len(data):
                piece = view[position:position + (1 << 16)]
                pieces.append(decoder.decompress(piece))
                position += len(piece)
            decoded = b"".join(pieces)
        except zlib.error:
            decoded = None
        if decoded is None or not decoder.eof:
            # Damaged: find the next member header that decodes to a WARC record.
            following = offset + 1
            while True:
                following = data.find(b"\x1f\x8b\x08", following)
                if following < 0:
                    return
                try:
                    if zlib.decompressobj(wbits=31).decompress(data[following:following + 4096], 8).startswith(b"WARC/"):
                        break
                except zlib.error:
                    pass
                following += 1
            offset = following
            continue
        length = position - offset - len(decoder.unused_data)
        yield offset, length, decoded
        offset += length


def surt(url):
    match = re.match(r"^[a-z]+://([^/:?#]+)(?::\d+)?([^#]*)", url, re.I)
    if not match:
        return url
    host = ",".join(reversed(match.group(1).lower().split(".")))
    return host + ")" + (match.group(2) or "/").lower()


def entries(path):
    data = open(path, "rb").read()
    for offset, length, record in members(data):
        head, _, block = record.partition(b"\r\n\r\n")
        fields = {}
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            fields[name.strip().lower()] = value.strip().decode("utf-8", "replace")
        if fields.get(b"warc-type") != "response" or b"warc-target-uri" not in fields:
            continue
        status_line, _, rest = block.partition(b"\r\n")
        parts = status_line.split(b" ")
        status = parts[1].decode() if len(parts) > 1 else "-"
        mime = "unk"
        for line in rest.split(b"\r\n\r\n", 1)[0].split(b"\r\n"):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-type":
                mime = value.split(b";")[0].strip().decode("ascii", "replace").lower()
        url = fields[b"warc-target-uri"]
        stamp = re.sub(r"\D", "", fields.get(b"warc-date", ""))[:14] or "0"
        line = {"url": url, "mime": mime, "status": status, "length": str(length),
                "offset": str(offset), "filename": path}
        yield surt(url), stamp, line


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("warc", nargs="+")
    parser.add_argument("--gzip", action="store_true", help="write the index gzip-compressed")
    args = parser.parse_args()
    lines = []
    for path in args.warc:
        lines.extend(f"{key} {stamp} {json.dumps(fields)}\n" for key, stamp, fields in entries(path))
    lines.sort()
    text = "".join(lines).encode()
    sys.stdout.buffer.write(gzip.compress(text) if args.gzip else text)


if __name__ == "__main__":
    main()
