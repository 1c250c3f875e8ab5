"""Work-arounds in dichvucong.base.patches, registered in base/patches.zcml, checked
against the bug they work around."""

from dichvucong.base import patches
from pathlib import Path
import subprocess
import sys
import types


# Eight threads compile page templates at once while the garbage collector runs
# Python code (which lets the interpreter switch threads), as a cold Zope does on its
# first concurrent requests. Prints how many compilations failed.
COMPILE_IN_THREADS = """
import difflib, gc, random, sys, threading
if sys.argv[1] == "patched":
    # As Zope does at start: the ZCML registration (base/patches.zcml) applies them.
    from zope.configuration import xmlconfig
    import dichvucong.base
    xmlconfig.file("patches.zcml", dichvucong.base)
from chameleon import PageTemplate

def collect(phase, info):
    lines = [str(random.randint(0, 9)) + "\\n" for _ in range(40)]
    list(difflib.unified_diff(lines, sorted(lines)))

gc.callbacks.append(collect)
row = '<li tal:repeat="n python:[x * {k} for x in range(3)]" tal:content="python:n + {k}"/>'
failures = []

def compile_templates(number):
    for k in range(8):
        rows = "".join(row.format(k=number * 1000 + k * 10 + i) for i in range(10))
        body = "<ul>" + rows + "</ul>"
        try:
            PageTemplate(body)()
        except SystemError as error:
            failures.append(error)

threads = [threading.Thread(target=compile_templates, args=(n,)) for n in range(8)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(len(failures))
"""


def compile_in_threads(mode):
    result = subprocess.run(
        [sys.executable, "-c", COMPILE_IN_THREADS, mode],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=Path(__file__).parent,
        check=True,
    )
    return int(result.stdout.split()[-1])


def test_templates_compile_in_parallel_threads_without_system_errors():
    """CPython < 3.11.8 (gh-106905) fails AST construction in concurrent threads; a
    cold portal answered 500 to one of 200 simultaneous citizens because of it."""
    assert compile_in_threads("patched") == 0


def test_newer_pythons_are_left_alone(monkeypatch):
    """The patch stays only for the versions that need it."""
    scope = types.SimpleNamespace(parse=len)
    monkeypatch.setattr(patches, "AST_PARSE_IS_THREAD_SAFE", True)
    patches.serialise_ast_parsing(scope, "parse", patches.locked)
    assert scope.parse is len


def test_affected_pythons_get_the_lock_once(monkeypatch):
    scope = types.SimpleNamespace(parse=len)
    monkeypatch.setattr(patches, "AST_PARSE_IS_THREAD_SAFE", False)
    patches.serialise_ast_parsing(scope, "parse", patches.locked)
    patches.serialise_ast_parsing(scope, "parse", patches.locked)
    assert scope.parse.__wrapped__ is len
    assert scope.parse("abc") == 3
