import datetime as dt
from itertools import pairwise

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.test import RequestFactory

from journeys.audit import chain
from journeys.audit.models import GENESIS, AuditEntry, AuditHead
from journeys.audit.services import AuditError, audit_record, audit_refusal, message_of
from journeys.audit.verify import verify_chain
from journeys.codebook.models import Kind, Term
from journeys.keys import keyring
from tests.audit.chains import build_chain, request_from


class Boom(Exception):
    pass


def failing_action(user) -> None:
    """An action that records its entry, then fails before its transaction commits."""
    with transaction.atomic():
        audit_record(actor=user, action="archive.transcript.changed")
        raise Boom


def renaming_action(user) -> None:
    """An action that changes a row, then records its entry."""
    with transaction.atomic():
        user.first_name = "changed"
        user.save()
        audit_record(actor=user, action="accounts.user.changed")


def test_the_first_entry_is_number_one_and_follows_the_genesis_seal(users):
    entry = audit_record(actor=users["coder"], action="archive.interviewee.read")
    assert (entry.seq, entry.prev_hmac) == (1, GENESIS)
    assert AuditHead.objects.get().seq == 1
    assert AuditHead.objects.get().hmac == entry.hmac


def test_it_numbers_entries_contiguously_and_links_each_to_the_one_before(users):
    entries = build_chain(users, 30)
    assert [e.seq for e in entries] == list(range(1, 31))
    for before, after in pairwise(entries):
        assert after.prev_hmac == before.hmac
    head = AuditHead.objects.get()
    assert (head.seq, head.hmac) == (30, entries[-1].hmac)


def test_the_seal_is_an_hmac_under_the_audit_subkey_over_the_stored_fields(users):
    entry = audit_record(
        actor=users["interviewer"],
        action="codebook.term.read",
        target=Term.objects.get(kind=Kind.PLACE, code="kp-hamgyongbuk"),
        detail={"fields": ("label_ko", "label_en"), 3: "x"},
        request=request_from("2001:0db8:0000::0001"),
    )
    stored = AuditEntry.objects.get(seq=entry.seq)
    expected = chain.seal(chain.audit_key(), message_of(stored))
    assert stored.hmac == expected
    assert len(stored.hmac) == 64
    assert chain.audit_key() != keyring.subkey("lookup")


def test_it_stores_who_what_and_where(users):
    term = Term.objects.get(kind=Kind.PLACE, code="kp-hamgyongbuk")
    entry = audit_record(
        actor=users["interviewer"],
        action="codebook.term.read",
        target=term,
        detail={"fields": ("label_ko",)},
        request=request_from("2001:0db8:0000::0001"),
    )
    stored = AuditEntry.objects.get(seq=entry.seq)
    assert stored.actor == users["interviewer"]
    assert stored.actor_name == "interviewer"
    assert (stored.target_type, stored.target_id) == ("codebook.term", str(term.pk))
    assert stored.detail == {"fields": ["label_ko"]}
    assert stored.address == "2001:db8::1"
    assert abs(stored.at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)


@pytest.mark.parametrize(
    ("actor", "name"), [(None, ""), (AnonymousUser(), ""), ("typed-name", "typed-name")]
)
def test_it_records_actors_without_an_account(db, actor, name):
    entry = audit_record(actor=actor, action="auth.signin.failed", target=("accounts.user", 7))
    assert (entry.actor_id, entry.actor_name) == (None, name)
    assert (entry.target_type, entry.target_id) == ("accounts.user", "7")


@pytest.mark.parametrize(
    "action", ["", "read", "Archive.read", "archive..read", "a.b c", "a." + "b" * 99]
)
def test_it_refuses_a_malformed_action(db, action):
    with pytest.raises(ValueError, match="dotted name"):
        audit_record(actor=None, action=action)
    assert not AuditEntry.objects.exists()


def test_it_refuses_content_in_the_detail(db):
    with pytest.raises(ValueError, match="too long"):
        audit_record(actor=None, action="export.report", detail={"text": "가" * 2001})
    with pytest.raises(TypeError):
        audit_record(actor=None, action="export.report", detail=["not", "a", "dict"])
    with pytest.raises(ValueError, match="not JSON compliant"):
        audit_record(actor=None, action="export.report", detail={"ratio": float("nan")})
    assert not AuditEntry.objects.exists()


def test_an_entry_in_a_rolled_back_transaction_vanishes_and_the_chain_goes_on(users):
    build_chain(users, 5)
    with pytest.raises(Boom):
        failing_action(users["coder"])
    assert AuditEntry.objects.count() == 5
    assert AuditHead.objects.get().seq == 5
    assert audit_record(actor=users["coder"], action="archive.interviewee.read").seq == 6
    assert verify_chain().intact


def test_a_failed_audit_write_rolls_back_the_action_it_records(users):
    """The other direction: no entry, no action (the caller's transaction fails whole)."""
    build_chain(users, 2)
    AuditHead.objects.all().delete()
    with pytest.raises(AuditError):
        renaming_action(users["coder"])
    users["coder"].refresh_from_db()
    assert users["coder"].first_name == ""


def test_an_empty_trail_starts_its_head_on_the_first_entry(db):
    assert not AuditHead.objects.exists()
    audit_record(actor=None, action="auth.signin.failed")
    assert AuditHead.objects.get().seq == 1


def test_audit_refusal_records_the_reason_the_user_and_the_path(users):
    request = RequestFactory().get("/archive/interviews/7/transcript/?q=secret")
    request.user = users["researcher"]
    entry = audit_refusal(request, "role")
    assert entry.action == "access.refused"
    assert entry.actor == users["researcher"]
    assert entry.detail == {
        "reason": "role",
        "method": "GET",
        "path": "/archive/interviews/7/transcript/",
    }
    assert entry.address == "127.0.0.1"


def test_with_the_keys_locked_nothing_is_written_and_the_action_fails(users, monkeypatch):
    def locked(name):
        raise keyring.KeyringError("The archive is locked.")

    monkeypatch.setattr(keyring, "subkey", locked)
    with pytest.raises(AuditError, match="locked"):
        renaming_action(users["coder"])
    users["coder"].refresh_from_db()
    assert users["coder"].first_name == ""
    assert not AuditEntry.objects.exists()
