"""Verification detects every kind of tampering, at every position tried, and names the entry.

One trail of N entries is written through the service for the module (committed, so that
each test can tamper with it inside its own transaction, which rolls back). Each mutation
is tried at POSITIONS: the first entry, the last, and 18 drawn with a fixed seed. A test
passes only when verification reports the expected kind of problem at the expected number,
both without and with a checkpoint taken before the tampering.

Two mutations are undetectable without a checkpoint, and the tests say so: a tail cut with
the head moved back to match, and a history rewritten by someone holding the audit key.
"""

import datetime as dt
import os
import random
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from journeys.accounts.models import User
from journeys.accounts.roles import Role
from journeys.audit import chain
from journeys.audit.models import GENESIS, AuditEntry, AuditHead
from journeys.audit.services import message_of
from journeys.audit.verify import Kind, current_checkpoint, verify_chain
from tests.audit.chains import build_chain

N = 200
SEED = 20261123
POSITIONS = sorted({1, N, *random.Random(SEED).sample(range(2, N), 18)})
# Small chunks, so that mutations fall on both sides of chunk boundaries.
CHUNK = 16
SHIFT = 1_000_000


@dataclass
class Trail:
    seals: dict[int, str]  # seq -> hmac as written
    users: list[User]
    checkpoint: object


@pytest.fixture(scope="module")
def trail(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        assert not AuditEntry.objects.exists(), "another test left entries behind"
        with transaction.atomic():
            users = {
                r.value: User.objects.create(username=f"tamper-{r.value}", role=r) for r in Role
            }
            entries = build_chain(users, N, seed=SEED)
        yield Trail({e.seq: e.hmac for e in entries}, list(users.values()), current_checkpoint())
        AuditEntry.objects.all().delete()
        AuditHead.objects.all().delete()
        User.objects.filter(username__startswith="tamper-").delete()


def random_hex(rng: random.Random) -> str:
    return rng.randbytes(32).hex()


def raw_update(column: str, value, seq: int) -> None:
    """Tamper below the ORM, as someone with the database file or a SQL prompt would."""
    table = connection.ops.quote_name(AuditEntry._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET {connection.ops.quote_name(column)} = %s WHERE seq = %s",
            [value, seq],
        )


def entry(seq: int):
    return AuditEntry.objects.filter(seq=seq)


def make_room(k: int) -> None:
    """Renumber entries k.. to k+1.. (in two steps: numbers are unique at every moment)."""
    AuditEntry.objects.filter(seq__gte=k).update(seq=F("seq") + SHIFT)
    AuditEntry.objects.filter(seq__gte=SHIFT).update(seq=F("seq") - SHIFT + 1)


def forged(k: int, trail: Trail, *, key: bytes | None, rng: random.Random) -> AuditEntry:
    forgery = AuditEntry(
        seq=k,
        at=timezone.now(),
        actor_name="nobody",
        action="vault.identity.revealed",
        target_type="archive.interviewee",
        target_id="W-0001",
        detail={},
        prev_hmac=trail.seals.get(k - 1, GENESIS),
    )
    # A well-formed seal under a key that is not the archive's, or random bytes.
    forgery.hmac = chain.seal(key, message_of(forgery)) if key else random_hex(rng)
    return forgery


def move_head(seq: int, hmac: str) -> None:
    AuditHead.objects.filter(pk=1).update(seq=seq, hmac=hmac)


# Each mutation tampers at position k and returns what verification must report:
# (kind, seq) without a checkpoint, and (kind, seq) with the checkpoint taken before.
Expected = tuple[Kind, int] | None


def edit_action(t: Trail, k: int, rng) -> tuple[Expected, Expected]:
    entry(k).update(action="archive.interviewee.deleted")
    return (Kind.ALTERED, k), (Kind.ALTERED, k)


def edit_detail(t: Trail, k: int, rng) -> tuple[Expected, Expected]:
    entry(k).update(detail={"count": -1})
    return (Kind.ALTERED, k), (Kind.ALTERED, k)


def edit_actor(t: Trail, k: int, rng) -> tuple[Expected, Expected]:
    current = entry(k).values_list("actor_id", flat=True).get()
    other = rng.choice([u.pk for u in t.users if u.pk != current])
    raw_update("actor_id", other, k)
    return (Kind.ALTERED, k), (Kind.ALTERED, k)


def edit_actor_name(t: Trail, k: int, rng) -> tuple[Expected, Expected]:
    raw_update("actor_name", "someone-else", k)
    return (Kind.ALTERED, k), (Kind.ALTERED, k)


def edit_time(t: Trail, k: int, rng) -> tuple[Expected, Expected]:
    entry(k).update(at=F("at") - dt.timedelta(seconds=1))
    return (Kind.ALTERED, k), (Kind.ALTERED, k)


def edit_target(t: Trail, k: int, rng) -> tuple[Expected, Expected]:
    raw_update("target_id", "W-9999", k)
    return (Kind.ALTERED, k), (Kind.ALTERED, k)


def edit_address(t: Trail, k: int, rng) -> tuple[Expected, Expected]:
    raw_update("address", "192.0.2.1", k)
    return (Kind.ALTERED, k), (Kind.ALTERED, k)


def edit_prev_hmac(t: Trail, k: int, rng) -> tuple[Expected, Expected]:
    raw_update("prev_hmac", random_hex(rng), k)
    return (Kind.BROKEN_LINK, k), (Kind.BROKEN_LINK, k)


def edit_hmac(t: Trail, k: int, rng) -> tuple[Expected, Expected]:
    raw_update("hmac", random_hex(rng), k)
    return (Kind.ALTERED, k), (Kind.ALTERED, k)


def edit_and_reseal_with_a_wrong_key(t: Trail, k: int, rng) -> tuple[Expected, Expected]:
    row = entry(k).get()
    row.action = "export.report"
    row.hmac = chain.seal(os.urandom(32), message_of(row))
    row.save()
    return (Kind.ALTERED, k), (Kind.ALTERED, k)


def delete_one(t: Trail, k: int, rng) -> tuple[Expected, Expected]:
    entry(k).delete()
    # The last entry leaves no gap behind it: the head still names it.
    expected = (Kind.HEAD, N) if k == N else (Kind.MISSING, k)
    return expected, expected


def swap_two(t: Trail, k: int, rng) -> tuple[Expected, Expected]:
    j = rng.choice([p for p in range(1, N + 1) if p != k])
    entry(k).update(seq=SHIFT)
    entry(j).update(seq=k)
    entry(SHIFT).update(seq=j)
    return (Kind.BROKEN_LINK, min(j, k)), (Kind.BROKEN_LINK, min(j, k))


def insert_random_seal(t: Trail, k: int, rng) -> tuple[Expected, Expected]:
    make_room(k)
    forged(k, t, key=None, rng=rng).save(force_insert=True)
    move_head(N + 1, t.seals[N])
    return (Kind.ALTERED, k), (Kind.ALTERED, k)


def insert_wrong_key_seal(t: Trail, k: int, rng) -> tuple[Expected, Expected]:
    make_room(k)
    forged(k, t, key=os.urandom(32), rng=rng).save(force_insert=True)
    move_head(N + 1, t.seals[N])
    return (Kind.ALTERED, k), (Kind.ALTERED, k)


def insert_a_copy(t: Trail, k: int, rng) -> tuple[Expected, Expected]:
    """Replay a genuine entry: its own seal is valid, so the next entry shows the splice."""
    copy = entry(k).get()
    make_room(k)
    copy.save(force_insert=True)
    move_head(N + 1, t.seals[N])
    return (Kind.BROKEN_LINK, k + 1), (Kind.BROKEN_LINK, k + 1)


def cut_tail(t: Trail, k: int, rng) -> tuple[Expected, Expected]:
    AuditEntry.objects.filter(seq__gte=k).delete()
    return (Kind.HEAD, k), (Kind.HEAD, k)


def cut_tail_and_move_head(t: Trail, k: int, rng) -> tuple[Expected, Expected]:
    """Undetectable without a checkpoint: what is left is a valid, shorter chain."""
    AuditEntry.objects.filter(seq__gte=k).delete()
    move_head(k - 1, t.seals.get(k - 1, GENESIS))
    return None, (Kind.CHECKPOINT, k)


def rewrite_with_the_key(t: Trail, k: int, rng) -> tuple[Expected, Expected]:
    """Undetectable without a checkpoint: the attacker holds the audit key and reseals every
    entry from k on. The checkpoint shows that its entry changed, not which one was edited."""
    entry(k).update(action="archive.interviewee.deleted")
    key, prev = chain.audit_key(), t.seals.get(k - 1, GENESIS)
    for row in AuditEntry.objects.filter(seq__gte=k).order_by("seq"):
        row.prev_hmac = prev
        row.hmac = prev = chain.seal(key, message_of(row))
        row.save()
    move_head(N, prev)
    return None, (Kind.CHECKPOINT, N)


def move_head_back(t: Trail, k: int, rng) -> tuple[Expected, Expected]:
    """Entries beyond the head: appended around it, or the head was rolled back."""
    move_head(k - 1, t.seals.get(k - 1, GENESIS))
    return (Kind.HEAD, k), (Kind.HEAD, k)


MUTATIONS: list[Callable] = [
    edit_action,
    edit_detail,
    edit_actor,
    edit_actor_name,
    edit_time,
    edit_target,
    edit_address,
    edit_prev_hmac,
    edit_hmac,
    edit_and_reseal_with_a_wrong_key,
    delete_one,
    swap_two,
    insert_random_seal,
    insert_wrong_key_seal,
    insert_a_copy,
    cut_tail,
    cut_tail_and_move_head,
    rewrite_with_the_key,
    move_head_back,
]


def found(result) -> Expected:
    return None if result.intact else (result.problem.kind, result.problem.seq)


def test_the_untouched_trail_verifies_with_and_without_its_checkpoint(db, trail):
    plain = verify_chain(chunk_size=CHUNK)
    kept = verify_chain(checkpoint=trail.checkpoint, chunk_size=CHUNK)
    assert (plain.intact, plain.entries, plain.last_seq) == (True, N, N)
    assert kept.intact
    assert "intact" in kept.summary()


def test_positions_cover_both_ends_and_twenty_places():
    assert len(POSITIONS) == 20
    assert POSITIONS[0] == 1
    assert POSITIONS[-1] == N


@pytest.mark.parametrize("position", POSITIONS)
@pytest.mark.parametrize("mutation", MUTATIONS, ids=lambda m: m.__name__)
def test_verification_detects_the_tampering_and_names_the_entry(db, trail, mutation, position):
    rng = random.Random(SEED * 1000 + position)
    without, with_checkpoint = mutation(trail, position, rng)
    assert found(verify_chain(chunk_size=CHUNK)) == without
    assert found(verify_chain(checkpoint=trail.checkpoint, chunk_size=CHUNK)) == with_checkpoint


def test_a_forged_entry_appended_at_the_end_is_detected(db, trail):
    forged(N + 1, trail, key=os.urandom(32), rng=random.Random(1)).save(force_insert=True)
    assert found(verify_chain(chunk_size=CHUNK)) == (Kind.ALTERED, N + 1)


def test_an_altered_head_seal_is_detected(db, trail):
    move_head(N, random_hex(random.Random(2)))
    assert found(verify_chain(chunk_size=CHUNK)) == (Kind.HEAD, N)


def test_a_head_ahead_of_the_trail_is_detected(db, trail):
    move_head(N + 3, trail.seals[N])
    assert found(verify_chain(chunk_size=CHUNK)) == (Kind.HEAD, N + 1)


def test_a_deleted_head_is_detected(db, trail):
    AuditHead.objects.all().delete()
    assert found(verify_chain(chunk_size=CHUNK)) == (Kind.HEAD, N)


def test_an_emptied_trail_with_its_head_is_caught_only_by_the_checkpoint(db, trail):
    AuditEntry.objects.all().delete()
    AuditHead.objects.all().delete()
    assert verify_chain().intact
    assert found(verify_chain(checkpoint=trail.checkpoint)) == (Kind.CHECKPOINT, 1)


def test_the_verdict_says_what_happened_to_which_entry(db, trail):
    entry(57).update(action="archive.interviewee.deleted")
    message = verify_chain().summary()
    assert message.startswith("The audit trail was tampered with.")
    assert "Entry 57 does not match its seal" in message


@pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL refuses a non-time there")
def test_a_value_of_the_wrong_type_is_reported_as_unreadable(db, trail):
    raw_update("at", "not a time", 33)
    assert found(verify_chain(chunk_size=CHUNK)) == (Kind.UNREADABLE, 33)
