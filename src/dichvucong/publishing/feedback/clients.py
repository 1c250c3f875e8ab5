"""Per-visitor rate limits for comments, ratings and helpful answers.

A visitor is its client address (``request.getClientAddr()``, which follows Zope's
trusted-proxy setting), kept only in memory and only as a keyed hash: the key is
random per process, so the hashes mean nothing outside it and nothing is stored or
logged. Like the dossier status lookup (base/ratelimit.py), the limits hold
per Zope process: a brake on floods, not an accounting tool.

Staff who may review comments are not limited (they reply from one office address).
"""

from dichvucong.base.ratelimit import SlidingWindowLimiter
from hashlib import sha256
import hmac
import secrets


WINDOW_SECONDS = 600.0
KINDS = ("comment", "rating", "helpful")
_KEY = secrets.token_bytes(32)
_LIMITERS = {kind: SlidingWindowLimiter(window=WINDOW_SECONDS) for kind in KINDS}
_COUNTED = "dichvucong.feedback.counted"


def client_key(request):
    """The visitor's address as a keyed hash (never the address itself)."""
    address = request.getClientAddr() or "unknown"
    return hmac.new(_KEY, address.encode("utf-8"), sha256).hexdigest()


def allow(kind, request, limit):
    """Count one post of ``kind`` for the visitor: True if it is within ``limit``
    posts in 10 minutes. Counted once per request, however often it is asked (the
    comment form validates twice when posted through the REST API)."""
    counted = request.other.setdefault(_COUNTED, {})
    if kind not in counted:
        counted[kind] = _LIMITERS[kind].hit(client_key(request), limit)[0]
    return counted[kind]


def reset():
    """Forget every visitor (tests)."""
    for limiter in _LIMITERS.values():
        limiter.reset()
