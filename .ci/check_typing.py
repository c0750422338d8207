"""Type-check typing_tests/ twice: ``mypy --strict``, then ``--disallow-any-expr`` for Any from dealkit.

The first run must pass: every ``assert_type`` holds.  The second reports every
expression of type ``Any``; those on a line that ends with ``# Any from pint``
come from pint's own annotations and are counted, not failed (a marker on a
line with no such error is stale, and fails).  Any other is an ``Any`` that
dealkit's public API let through, and fails.

Usage: ``python .ci/check_typing.py [DIR]`` (default ``typing_tests``); exit 0 when clean.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

MARKER = "# Any from pint"
ERROR = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): error: (?P<message>.*)$")


def mypy(*args: str) -> tuple[int, list[str]]:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *args],
        capture_output=True, text=True, check=False,
    )
    return result.returncode, result.stdout.splitlines()


def main(directory: str = "typing_tests") -> int:
    root = Path(directory)
    files = sorted(root.glob("*.py"))
    checks = sum(path.read_text(encoding="utf-8").count("assert_type(") for path in files)
    code, lines = mypy(directory)
    if code != 0:
        print("\n".join(lines))
        print(f"typing tests: mypy --strict failed on {directory}")
        return 1
    print(f"typing tests: {len(files)} files, {checks} assert_type checks pass mypy --strict")

    _, lines = mypy("--disallow-any-expr", directory)
    from_pint: set[tuple[str, int]] = set()
    from_dealkit: list[str] = []
    for line in lines:
        m = ERROR.match(line)
        if m is None:
            continue
        path, number = m["file"], int(m["line"])
        source = Path(path).read_text(encoding="utf-8").splitlines()[number - 1]
        if source.rstrip().endswith(MARKER):
            from_pint.add((path, number))
        else:
            from_dealkit.append(line)
    stale = [
        f"{path}:{number}: marked '{MARKER}' but mypy reports no Any there"
        for path in files
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if text.rstrip().endswith(MARKER) and (str(path), number) not in from_pint
    ]
    for problem in (*from_dealkit, *stale):
        print(problem)
    print(
        f"typing tests: --disallow-any-expr: {len(from_dealkit)} from dealkit, "
        f"{len(from_pint)} line(s) from pint's own annotations, {len(stale)} stale marker(s)"
    )
    return 1 if from_dealkit or stale else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
