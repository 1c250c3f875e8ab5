"""Dossier codes stay unique under concurrent writers: threads sharing one database,
and separate processes sharing a RelStorage database on PostgreSQL (the scale-out
setup, where several Zope processes take numbers from the same counter)."""

from concurrent.futures import ThreadPoolExecutor
from datetime import date
from dichvucong.dossier.codes import format_code
from dichvucong.dossier.codes import make_counters
from dichvucong.dossier.codes import new_code
from dichvucong.dossier.codes import next_number
from relstorage.adapters.postgresql import PostgreSQLAdapter
from relstorage.options import Options
from relstorage.storage import RelStorage
from ZODB.FileStorage import FileStorage
import multiprocessing
import os
import psycopg2
import pytest
import transaction
import uuid
import ZODB


PG = "host=127.0.0.1 port=5432 user=postgres"


def test_code_format():
    assert format_code("H26.01", date(2025, 11, 21), 42) == "H26.01-251121-0042"
    assert format_code("HN-TTPVHCC", date(2026, 1, 2), 12345) == "HN-TTPVHCC-260102-12345"


def _counters_in(db):
    connection = db.open()
    root = connection.root()
    root["counters"] = make_counters()
    transaction.commit()
    counters = root["counters"]
    return connection, counters


def test_threads_get_distinct_numbers(tmp_path):
    db = ZODB.DB(FileStorage(str(tmp_path / "Data.fs")))
    connection, counters = _counters_in(db)
    with ThreadPoolExecutor(max_workers=8) as pool:
        numbers = list(pool.map(lambda _: next_number(counters, "HN-X-261121"), range(200)))
    assert sorted(numbers) == list(range(1, 201))
    # Another day, another agency: its own sequence from 1.
    assert new_code(counters, "HN-Y", date(2026, 11, 22)) == "HN-Y-261122-0001"
    connection.close()
    db.close()


def _relstorage_db(dsn):
    options = Options(keep_history=False)
    return ZODB.DB(RelStorage(PostgreSQLAdapter(dsn=dsn, options=options), options=options))


def _take_numbers(dsn, oid, count, queue):
    db = _relstorage_db(dsn)
    connection = db.open()
    counters = connection.get(oid)
    try:
        queue.put([next_number(counters, "HN-X-261121") for _ in range(count)])
    finally:
        connection.close()
        db.close()


@pytest.fixture
def postgres_database():
    name = f"dvc_codes_{uuid.uuid4().hex[:10]}"
    admin = psycopg2.connect(f"{PG} dbname=postgres")
    admin.autocommit = True
    admin.cursor().execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{PG} dbname={name}"
    finally:
        admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def test_processes_sharing_relstorage_get_distinct_numbers(postgres_database):
    db = _relstorage_db(postgres_database)
    connection, counters = _counters_in(db)
    oid = counters._p_oid
    connection.close()
    db.close()

    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    workers = [
        context.Process(target=_take_numbers, args=(postgres_database, oid, 50, queue))
        for _ in range(4)
    ]
    for worker in workers:
        worker.start()
    numbers = [n for _ in workers for n in queue.get(timeout=120)]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    assert sorted(numbers) == list(range(1, 201)), f"pid {os.getpid()}"
