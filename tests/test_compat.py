"""Work-arounds in dichvucong.compat, checked against the bug they work around."""

from pathlib import Path
import subprocess
import sys


# Eight threads compile page templates at once while the garbage collector runs
# Python code (which lets the interpreter switch threads), as a cold Zope does on its
# first concurrent requests. Prints how many compilations failed.
COMPILE_IN_THREADS = """
import difflib, gc, random, sys, threading
if sys.argv[1] == "patched":
    import dichvucong  # noqa: F401  (applies dichvucong.compat)
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
