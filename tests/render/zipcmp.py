#!/usr/bin/env python3
"""zipcmp.py ORIGINAL COPY MEMBER...: every member of ORIGINAL except the
named ones is in COPY with the same compressed bytes, method, CRC and
sizes, in the same order; the named ones may differ or be new.  Exit 1 and a
line per difference otherwise."""
import struct
import sys
import zipfile


def raw(path, info):
    with open(path, "rb") as f:
        f.seek(info.header_offset)
        head = f.read(30)
        if head[:4] != b"PK\x03\x04":
            raise SystemExit(f"{path}: {info.filename}: no local header")
        n, m = struct.unpack("<HH", head[26:30])
        f.seek(info.header_offset + 30 + n + m)
        return f.read(info.compress_size)


def main():
    orig, copy, edited = sys.argv[1], sys.argv[2], set(sys.argv[3:])
    a, b = zipfile.ZipFile(orig), zipfile.ZipFile(copy)
    bad = []
    names_a = [i.filename for i in a.infolist()]
    names_b = [i.filename for i in b.infolist()]
    kept = [n for n in names_b if n in names_a]
    if kept != names_a:
        bad.append(f"member order or set changed: {names_a} -> {names_b}")
    for ia in a.infolist():
        if ia.filename in edited:
            continue
        try:
            ib = b.getinfo(ia.filename)
        except KeyError:
            bad.append(f"{ia.filename}: missing in the copy")
            continue
        for field in ("compress_type", "CRC", "compress_size", "file_size"):
            if getattr(ia, field) != getattr(ib, field):
                bad.append(f"{ia.filename}: {field} {getattr(ia, field)} -> {getattr(ib, field)}")
        if raw(orig, ia) != raw(copy, ib):
            bad.append(f"{ia.filename}: compressed bytes differ")
    if b.testzip() is not None:
        bad.append(f"{copy}: CRC error in {b.testzip()}")
    for line in bad:
        print(line)
    print(f"{len(names_a) - len(edited & set(names_a))} members unchanged" if not bad else "FAIL")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
