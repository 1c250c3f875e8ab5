"""Imports run one way only, in the order docs/layout.md writes down.

Every module of the package and every dotted name in its ZCML is checked: a room may
use the rooms after it in the order line, never one before it, nor another room of its
own level. Function-level imports count as much as top-level ones.
"""

from pathlib import Path
import ast
import pytest
import re


ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "dichvucong"
LAYOUT = ROOT / "docs" / "layout.md"
# Package-level modules and files: where each counts, as docs/layout.md says.
TOP_LEVEL = {
    "__init__": "base",
    "interfaces": "base",
    "testing": "setup",
}
# Wiring that includes every room (configure.zcml and friends), and the translation
# tool: they may name anything, and no room may import them.
EXEMPT = {"configure.zcml", "dependencies.zcml", "permissions.zcml", "profiles.zcml", "locales"}
DOTTED = re.compile(r"^(?:dichvucong)?(\.[A-Za-z_][\w.]*)$|^dichvucong\.[\w.]+$")


def read_order(text):
    """{room: level} from the order line in docs/layout.md ("a -> b | c -> base"):
    a higher level may use a lower one."""
    section = text.split("## Rooms and the import direction", 1)[1]
    line = next(ln for ln in section.splitlines() if "->" in ln)
    levels = [part.split("|") for part in line.split("->")]
    order = {}
    for level, rooms in enumerate(reversed(levels)):
        for room in rooms:
            order[room.strip()] = level
    return order


def room_of(relative):
    """The room of a path inside the package (``catalogue/views/procedure.py``)."""
    parts = Path(relative).parts
    if len(parts) == 1:
        name = Path(parts[0]).stem
        return None if parts[0] in EXEMPT else TOP_LEVEL.get(name, name)
    return None if parts[0] in EXEMPT else parts[0]


def target_room(dotted, package_dir):
    """The room a dotted name inside the package points into, or None outside it.
    A name of the package itself (``from dichvucong import _``) is base's."""
    parts = dotted.split(".")
    if parts[0] != "dichvucong" or len(parts) < 2:
        return None
    name = parts[1]
    if name in TOP_LEVEL or name in EXEMPT:
        return TOP_LEVEL.get(name, name)
    if (package_dir / name).is_dir() or (package_dir / f"{name}.py").is_file():
        return name
    return "base"


def python_references(path, package):
    """(line, dotted name) of every import of our package in a module, at any depth."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            yield node.lineno, module
            for alias in node.names:
                yield node.lineno, f"{module}.{alias.name}"


def zcml_references(path, package):
    """(line, dotted name) of every attribute value of a ZCML file naming our code."""
    text = path.read_text(encoding="utf-8")
    for match in re.finditer(r'=\s*"([^"]*)"', text):
        line = text.count("\n", 0, match.start()) + 1
        for word in match.group(1).split():
            if DOTTED.match(word):
                yield line, package + word if word.startswith(".") else word


def violations(package_dir, order):
    """Every reference that points up or sideways, as readable lines."""
    found = {}
    for path in sorted(package_dir.rglob("*")):
        if path.suffix not in (".py", ".zcml"):
            continue
        relative = path.relative_to(package_dir)
        room = room_of(relative)
        if room is None:
            continue
        if room not in order:
            found[relative, 0, room] = f"{relative}: room {room!r} is not in docs/layout.md"
            continue
        package = ".".join(["dichvucong", *relative.parent.parts])
        read = python_references if path.suffix == ".py" else zcml_references
        for line, dotted in read(path, package):
            target = target_room(dotted, package_dir)
            if target is None or target == room:
                continue
            if target in EXEMPT or target not in order or order[target] >= order[room]:
                found.setdefault(
                    (relative, line, target), f"{relative}:{line}: {room} uses {dotted}"
                )
    return sorted(found.values())


def test_imports_run_one_way():
    order = read_order(LAYOUT.read_text(encoding="utf-8"))
    found = violations(PACKAGE, order)
    assert not found, "Imports against the direction of docs/layout.md:\n" + "\n".join(found)


def test_every_room_is_in_the_order():
    order = read_order(LAYOUT.read_text(encoding="utf-8"))
    rooms = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()} - EXEMPT
    assert rooms <= set(order), f"rooms missing from docs/layout.md: {rooms - set(order)}"


@pytest.mark.parametrize(
    ("where", "text"),
    [
        ("catalogue/views/page.py", "from dichvucong.publishing.guides import relations\n"),
        ("catalogue/search/engine.py", "def f():\n    import dichvucong.publishing.glossary\n"),
        ("catalogue/views/page.py", "from ...publishing import glossary\n"),
        ("dossier/sideways.py", "from dichvucong.identity import login\n"),
        (
            "catalogue/configure.zcml",
            '<configure><browser:viewlet class="dichvucong.publishing.guides.X" /></configure>',
        ),
    ],
)
def test_a_reference_up_the_order_is_found(tmp_path, where, text):
    order = {"base": 0, "catalogue": 1, "dossier": 2, "identity": 2, "publishing": 3}
    target = tmp_path / where
    target.parent.mkdir(parents=True)
    target.write_text(text)
    for room in order:
        (tmp_path / room).mkdir(exist_ok=True)
    assert len(violations(tmp_path, order)) == 1


def test_a_reference_down_the_order_passes(tmp_path):
    order = {"base": 0, "catalogue": 1, "publishing": 3}
    module = tmp_path / "publishing" / "tiles.py"
    module.parent.mkdir()
    module.write_text("from dichvucong.catalogue import text\nfrom dichvucong import _\n")
    assert violations(tmp_path, order) == []
