"""Work-arounds for bugs in what the portal runs on, each with the condition that ends it.
They are applied by collective.monkeypatcher from ``patches.zcml``, where a maintainer
looks for patches.

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
import builtins
import functools
import logging
import sys
import threading


logger = logging.getLogger(__name__)

AST_PARSE_IS_THREAD_SAFE = sys.version_info >= (3, 11, 8)

_ast_lock = threading.RLock()


def locked(function):
    """``function`` holding the one AST lock while it runs."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with _ast_lock:
            return function(*args, **kwargs)

    wrapper.__wrapped_for_gh106905__ = True
    return wrapper


def locked_ast_compile(compile_function=builtins.compile):
    """``compile`` that holds the AST lock when it builds a syntax tree only."""

    @functools.wraps(compile_function)
    def wrapper(source, filename, mode, flags=0, *args, **kwargs):
        if flags & ast.PyCF_ONLY_AST:
            with _ast_lock:
                return compile_function(source, filename, mode, flags, *args, **kwargs)
        return compile_function(source, filename, mode, flags, *args, **kwargs)

    wrapper.__wrapped_for_gh106905__ = True
    return wrapper


def serialise_ast_parsing(scope, original, wrap):
    """collective.monkeypatcher handler: wrap ``scope.original`` in the AST lock, on
    the Python versions with gh-106905 only. A module without its own ``original``
    (Chameleon's astutil uses the builtin ``compile``) gets a module-level one, which
    every function of that module then finds first."""
    if AST_PARSE_IS_THREAD_SAFE:
        logger.debug("Python %s: %s.%s needs no AST lock", sys.version, scope, original)
        return
    current = getattr(scope, original, None) or getattr(builtins, original)
    if getattr(current, "__wrapped_for_gh106905__", False):
        return
    setattr(scope, original, wrap(current))
