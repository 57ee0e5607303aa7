#!/usr/bin/env python3
"""golden.py BIN EXPECTED ARGS...: runs `BIN render ARGS...` and compares its
standard output byte for byte with EXPECTED.  With TL_UPDATE_GOLDEN=1 it
rewrites EXPECTED instead (review the diff before committing)."""
import difflib
import os
import subprocess
import sys


def main():
    binary, expected, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")
    env.pop("NO_COLOR", None)
    run = subprocess.run([binary, "render", *args], capture_output=True, env=env, timeout=60)
    if run.returncode != 0:
        print(f"render exited {run.returncode}: {run.stderr.decode(errors='replace')}")
        return 1
    if os.environ.get("TL_UPDATE_GOLDEN") == "1":
        with open(expected, "wb") as f:
            f.write(run.stdout)
        print(f"updated {expected}")
        return 0
    with open(expected, "rb") as f:
        want = f.read()
    if run.stdout == want:
        print(f"{os.path.basename(expected)}: same ({len(want)} bytes)")
        return 0
    diff = difflib.unified_diff(want.decode(errors="replace").splitlines(),
                                run.stdout.decode(errors="replace").splitlines(),
                                "expected", "got", lineterm="", n=2)
    print("\n".join(list(diff)[:80]))
    return 1


if __name__ == "__main__":
    sys.exit(main())
