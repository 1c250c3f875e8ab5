"""Work-arounds for bugs in what the portal runs on, each with the condition that ends it.

CPython before 3.11.8 (gh-106905): building an AST (``ast.parse``, or ``compile`` with
``PyCF_ONLY_AST``) kept its recursion counter in interpreter-wide state. Two threads
parsing at once, with the garbage collector switching threads in between, fail with
``SystemError: AST constructor recursion depth mismatch``. Chameleon parses every
template expression this way when it compiles a template, so the first requests after
a start, served by several threads while the template cache is cold, could answer 500
(seen once in 200 concurrent submissions). On those versions AST construction is
serialised: a whole template compilation at a time (one lock hand-over per template,
not one per expression), and any other parse. It only happens while compiling.
"""

import ast
import functools
import sys
import threading


AST_PARSE_IS_THREAD_SAFE = sys.version_info >= (3, 11, 8)

_ast_lock = threading.RLock()


def _locked_compile(source, filename, mode, flags=0, *args, **kwargs):
    if flags & ast.PyCF_ONLY_AST:
        with _ast_lock:
            return compile(source, filename, mode, flags, *args, **kwargs)
    return compile(source, filename, mode, flags, *args, **kwargs)


def _locked(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with _ast_lock:
            return function(*args, **kwargs)

    wrapper.__wrapped_for_gh106905__ = True
    return wrapper


def serialise_ast_parsing():
    """Take one lock around every AST construction: Chameleon's template compiler,
    ``ast.parse`` (RestrictedPython) and Chameleon's own ``parse``, which calls
    ``compile`` itself from functions other modules import by name (shadowing
    ``compile`` in its module reaches all of them)."""
    if AST_PARSE_IS_THREAD_SAFE or getattr(ast.parse, "__wrapped_for_gh106905__", False):
        return
    ast.parse = _locked(ast.parse)
    import chameleon.astutil
    import chameleon.template

    chameleon.astutil.compile = _locked_compile
    template = chameleon.template.BaseTemplate
    template._compile = _locked(template._compile)


serialise_ast_parsing()
