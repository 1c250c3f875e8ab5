"""The sliding-window rate limiter (status lookup, readers' feedback): pure Python."""

from concurrent.futures import ThreadPoolExecutor
from dichvucong.base.ratelimit import SlidingWindowLimiter


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_limiter_sliding_window():
    clock = Clock()
    limiter = SlidingWindowLimiter(window=60, clock=clock)
    assert [limiter.hit("a", 3)[0] for _ in range(3)] == [True, True, True]
    assert limiter.hit("a", 3) == (False, 60)
    assert limiter.hit("b", 3) == (True, 0)  # per client
    clock.now += 30
    assert limiter.hit("a", 3) == (False, 30)
    clock.now += 30  # the first three leave the window
    assert limiter.hit("a", 3) == (True, 0)
    assert limiter.hit("a", 1) == (False, 60)  # a lowered limit applies at once


def test_limiter_memory_is_bounded():
    clock = Clock()
    limiter = SlidingWindowLimiter(window=60, max_clients=100, clock=clock)
    for number in range(1000):
        limiter.hit(f"10.0.{number // 256}.{number % 256}", 5)
    assert len(limiter) == 100
    clock.now += 61
    limiter.hit("10.9.9.9", 5)
    assert len(limiter) == 1  # stale clients are dropped


def test_limiter_is_thread_safe():
    limiter = SlidingWindowLimiter(window=60)
    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(lambda _: limiter.hit("a", 50)[0], range(2000)))
    assert results.count(True) == 50
