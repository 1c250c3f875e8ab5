"""A small in-memory rate limiter (the public dossier status lookup, readers' feedback).

Sliding window log: for each client the times of its accepted requests in the last
``window`` seconds are kept (at most ``limit`` of them); a request beyond the limit
is refused with the number of seconds until the oldest one leaves the window.

The state lives in memory, **per process**: with several Zope instances (or
several WSGI worker processes) behind a load balancer each one counts on its own,
so a client may get up to ``limit`` lookups per minute from each process. The
limit is a brake on guessing check digits, not an accounting tool; a shared limit
belongs in the front web server (e.g. nginx ``limit_req``).

Memory stays bounded: clients whose requests all left the window are dropped as
soon as they are the least recently seen ones, and at most ``max_clients`` clients
are tracked (the least recently seen are forgotten first).
"""

from collections import OrderedDict
from collections import deque
import math
import threading
import time


class SlidingWindowLimiter:
    def __init__(self, window=60.0, max_clients=10000, clock=time.monotonic):
        self.window = window
        self.max_clients = max_clients
        self.clock = clock
        self._hits = OrderedDict()  # client -> deque of accepted times, least recent first
        self._lock = threading.Lock()

    def hit(self, client, limit):
        """Count one request of ``client``: (True, 0) if allowed, else (False, retry_after
        in whole seconds, at least 1)."""
        limit = max(1, int(limit))
        now = self.clock()
        horizon = now - self.window
        with self._lock:
            self._drop_stale(horizon)
            times = self._hits.get(client)
            if times is None:
                times = self._hits[client] = deque()
            else:
                self._hits.move_to_end(client)
            while times and times[0] <= horizon:
                times.popleft()
            # The limit may have been lowered since the client's last request.
            while len(times) > limit:
                times.popleft()
            if len(times) >= limit:
                return False, max(1, math.ceil(times[0] + self.window - now))
            times.append(now)
            while len(self._hits) > self.max_clients:
                self._hits.popitem(last=False)
            return True, 0

    def _drop_stale(self, horizon):
        # The least recently seen clients come first: stop at the first active one.
        while self._hits:
            client, times = next(iter(self._hits.items()))
            if times and times[-1] > horizon:
                break
            del self._hits[client]

    def reset(self):
        with self._lock:
            self._hits.clear()

    def __len__(self):
        return len(self._hits)
