"""Appends in real transactions: rolled back with their action, and serialised when several
threads (each with its own database connection) append at once.

These tests commit, so they flush afterwards; available_apps limits the flush to the audit
tables, which keeps the codebook the session loaded for every other test.
"""

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from itertools import pairwise

import pytest
from django.db import connection, connections, transaction

from journeys.audit.models import AuditEntry, AuditHead
from journeys.audit.services import audit_record
from journeys.audit.verify import verify_chain

committed = pytest.mark.django_db(transaction=True, available_apps=["journeys.audit"])
THREADS = 4
EACH = 40


class Boom(Exception):
    pass


def failing_action() -> None:
    with transaction.atomic():
        audit_record(actor="second", action="archive.interviewee.read")
        raise Boom


@committed
def test_a_rolled_back_transaction_takes_its_entry_with_it():
    audit_record(actor="first", action="archive.interviewee.read")
    with pytest.raises(Boom):
        failing_action()
    third = audit_record(actor="third", action="archive.interviewee.read")
    assert third.seq == 2
    names = AuditEntry.objects.order_by("seq").values_list("actor_name", flat=True)
    assert list(names) == ["first", "third"]
    assert verify_chain().intact


def append_many(name: str, start: threading.Barrier) -> None:
    try:
        start.wait()
        for number in range(EACH):
            # Every other one inside a longer transaction, as a service's caller would.
            with transaction.atomic():
                audit_record(actor=name, action="archive.interviewee.read", detail={"n": number})
                if number % 2:
                    AuditEntry.objects.filter(actor_name=name).count()
            # Let the others in: SQLite's busy handler sleeps while one writer holds the lock,
            # and the same thread would otherwise win the lock back every time.
            time.sleep(0.003)
    finally:
        connections.close_all()


@committed
def test_concurrent_appends_keep_one_valid_chain():
    """Without the head's lock, two appends read the same head and one fails on its number
    (PostgreSQL); this test fails then. On SQLite, BEGIN IMMEDIATE serialises them."""
    start = threading.Barrier(THREADS)
    with ThreadPoolExecutor(THREADS) as pool:
        futures = [pool.submit(append_many, f"thread-{i}", start) for i in range(THREADS)]
    for future in futures:
        future.result()  # re-raises a thread's exception here
    assert AuditEntry.objects.count() == THREADS * EACH
    assert AuditHead.objects.get().seq == THREADS * EACH
    result = verify_chain(chunk_size=50)
    assert result.intact, result.summary()
    # They really interleaved: otherwise the test proves nothing about the lock.
    names = list(AuditEntry.objects.order_by("seq").values_list("actor_name", flat=True))
    switches = sum(a != b for a, b in pairwise(names))
    assert switches > THREADS, f"the threads ran one after another on {connection.vendor}"
