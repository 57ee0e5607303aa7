#!/usr/bin/env python3
"""to_parts.py OUTDIR FILE...: writes each DOCX/ODT as a "#tl-parts" seed
(tests/fuzz/fuzz_pkg.c): its text members (XML, relationships, mimetype) in
archive order, binary members (images, fonts, embedded objects) left out.
Files that are not ZIP packages, or hold no text member, are skipped.
--max-bytes N skips a seed that would be larger than N (default 65536)."""
import os
import sys
import zipfile

TEXT_EXT = ('.xml', '.rels', '.vml')


def convert(path, max_bytes):
    try:
        z = zipfile.ZipFile(path)
        out = [b'#tl-parts']
        for info in z.infolist():
            name = info.filename
            if not (name.lower().endswith(TEXT_EXT) or name == 'mimetype'):
                continue
            if '\n' in name or info.file_size > max_bytes:
                return None
            out.append(b'@@ ' + name.encode('utf-8'))
            out.append(z.read(info))
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError, ValueError):
        return None
    if len(out) == 1:
        return None
    data = b'\n'.join(out)
    return data if len(data) <= max_bytes else None


def main(argv):
    max_bytes = 65536
    if len(argv) > 2 and argv[1] == '--max-bytes':
        max_bytes = int(argv[2])
        argv = argv[:1] + argv[3:]
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    outdir = argv[1]
    os.makedirs(outdir, exist_ok=True)
    n = 0
    for path in argv[2:]:
        data = convert(path, max_bytes)
        if data is None:
            continue
        name = 'parts__' + os.path.basename(path) + '.txt'
        with open(os.path.join(outdir, name), 'wb') as f:
            f.write(data)
        n += 1
    print('%d seeds written to %s' % (n, outdir))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
