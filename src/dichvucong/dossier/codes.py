"""Dossier codes: receiving agency code + receipt date YYMMDD + daily sequence.

``H26.01-251121-0042`` (Decree 61/2018 art. 26, TT 01/2018/TT-VPCP art. 19). The daily
sequence is taken in its own short transaction on a separate connection, retried on
conflict: two submissions (threads, or processes sharing a RelStorage database) can
never get the same number, and a long submission transaction does not hold the
counter. A submission that fails after taking its number leaves a gap, as database
sequences do; numbers are never reused.
"""

from BTrees.OOBTree import OOBTree
from dichvucong.base.internals import database_of
from persistent import Persistent
from ZODB.POSException import ConflictError
import random
import time
import transaction


MAX_ATTEMPTS = 100


class DailyCounter(Persistent):
    """One agency's count of dossiers for one day. No conflict resolution on purpose:
    two concurrent increments must conflict, so that one of them retries."""

    value = 0


def make_counters():
    return OOBTree()


def format_code(agency_code, day, number):
    return f"{agency_code}-{day:%y%m%d}-{number:04d}"


def next_number(counters, key):
    """Take the next number for ``key`` from ``counters`` (an OOBTree owned by the
    dossier store) in a transaction of its own."""
    db = database_of(counters)
    if db is None:
        # Not committed yet (the store was created in this very transaction).
        return _increment(counters, key)
    manager = transaction.TransactionManager()
    connection = db.open(transaction_manager=manager)
    try:
        for attempt in range(MAX_ATTEMPTS):
            manager.begin()
            try:
                number = _increment(connection.get(counters._p_oid), key)
                manager.commit()
                return number
            except ConflictError:
                manager.abort()
                # Back off a little, more after each collision.
                time.sleep(random.uniform(0, 0.002 * (attempt + 1)))  # noqa: S311 (jitter)
        raise ConflictError(f"no dossier number for {key} after {MAX_ATTEMPTS} attempts")
    finally:
        manager.abort()
        connection.close()


def _increment(counters, key):
    counter = counters.get(key)
    if counter is None:
        counter = counters[key] = DailyCounter()
    counter.value += 1
    return counter.value


def new_code(counters, agency_code, day):
    """The next dossier code of ``agency_code`` for the local date ``day``."""
    return format_code(agency_code, day, next_number(counters, f"{agency_code}-{day:%y%m%d}"))
