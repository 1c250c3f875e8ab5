"""Print a buildout versions.cfg made from constraints.txt (`make versions`).

Both files must list the same pins; tests/test_pins.py fails when they drift.
"""

from pathlib import Path
import sys


def read_constraints(path):
    """{name: version} for every `name==version` line of a pip constraints file."""
    pins = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        name, sep, version = line.partition("==")
        if not sep:
            raise ValueError(f"{path}: not an exact pin: {line!r}")
        pins[name.strip()] = version.strip()
    return pins


def render(pins):
    lines = [
        "# Generated from constraints.txt by `make versions`: do not edit by hand.",
        "[versions]",
    ]
    lines += [f"{name} = {pins[name]}" for name in sorted(pins, key=str.lower)]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(
        render(read_constraints(sys.argv[1] if len(sys.argv) > 1 else "constraints.txt"))
    )
