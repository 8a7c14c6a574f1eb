"""Reveal reasons are sealed in the trail, and the audit page reads like sentences.

A reason is sealed under the data key of the woman revealed (journeys/audit/reasons.py): the
database, its copies and backups hold only ciphertext, the chain still verifies, and only the
administrators' audit page opens it. Every action is shown by its label, in the page's
language, and details as labelled values, never as JSON.
"""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from journeys.audit.models import AuditEntry
from journeys.audit.verify import verify_chain
from journeys.keys.models import DataKey
from journeys.vault import identity
from journeys.vault.identity import IdentityData

REASON = "Fictional family tracing request 12"
REASON_KO = "가상의 가족 찾기 요청 12번"
LIST = reverse("audit:entry_list")


@pytest.fixture
def kept(users, interviewee):
    identity.identity_save(
        acting_user=users["interviewer"],
        interviewee=interviewee,
        data=IdentityData(names=["Fictional Kim"]),
    )
    return interviewee


def revealed(users, kept, reason=REASON) -> AuditEntry:
    identity.identity_reveal(acting_user=users["custodian"], interviewee=kept, reason=reason)
    return AuditEntry.objects.filter(action="vault.identity.revealed").latest("seq")


def stored_details() -> str:
    """The detail column as the database file holds it, read past Django's models."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT detail FROM {AuditEntry._meta.db_table}")
        return "\n".join(str(row[0]) for row in cursor.fetchall())


def page(client, language: str) -> str:
    client.cookies["journeys_language"] = language
    return client.get(LIST).content.decode()


def test_the_reason_is_stored_only_sealed(users, kept):
    revealed(users, kept)
    revealed(users, kept, REASON_KO)
    details = stored_details()
    assert "reason_sealed" in details
    assert REASON not in details
    assert REASON_KO not in details
    assert "\\uac00" not in details  # nor as a JSON escape of its Korean


def test_the_chain_verifies_with_sealed_reasons(users, kept):
    revealed(users, kept)
    result = verify_chain()
    assert result.intact, result.summary()


def test_administrators_read_the_reason_on_the_audit_page(as_role, users, kept):
    revealed(users, kept, REASON_KO)
    html = page(as_role("administrator"), "ko")
    assert REASON_KO in html
    assert "reason_sealed" not in html


def test_a_reason_whose_key_was_destroyed_no_longer_opens(as_role, users, kept):
    entry = revealed(users, kept)
    DataKey.objects.filter(pk=kept.data_key_id).update(wrapped=b"destroyed")
    html = page(as_role("administrator"), "en")
    assert REASON not in html
    assert "no longer opens it" in html
    assert verify_chain().intact  # the trail keeps that it happened
    assert entry.detail["reason_sealed"]


def test_a_sealed_reason_copied_into_another_reveal_does_not_open(users, kept):
    from journeys.audit import reasons

    first = revealed(users, kept)
    second = revealed(users, kept, "Another fictional reason")
    second.detail = {**second.detail, "reason_sealed": first.detail["reason_sealed"]}
    assert reasons.reasons_opened([first, second]) == {first.seq: REASON, second.seq: None}


@pytest.mark.parametrize(
    ("language", "message"),
    [("en", "at most 400 Korean"), ("ko", "한글 400자")],
)
def test_a_reason_too_long_to_seal_is_refused_in_the_users_language(
    users, kept, settings, language, message
):
    from django.utils import translation

    with translation.override(language), pytest.raises(ValidationError, match=message):
        identity.identity_reveal(
            acting_user=users["custodian"], interviewee=kept, reason="가" * 401
        )
    assert not AuditEntry.objects.filter(action="vault.identity.revealed").exists()


def test_a_reason_of_400_korean_characters_is_kept_whole(users, kept):
    from journeys.audit import reasons

    entry = revealed(users, kept, "가" * 400)
    assert reasons.reasons_opened([entry]) == {entry.seq: "가" * 400}


@pytest.mark.parametrize(
    ("language", "label", "target", "detail"),
    [
        ("en", "Record read", "interviewee", "filters"),
        ("ko", "기록 열람", "구술자", "필터"),
    ],
)
def test_the_page_shows_each_action_by_its_label_and_details_as_text(
    as_role, users, interviewee, language, label, target, detail
):
    client = as_role("researcher")
    client.get(reverse("archive:interviewee_detail", args=[interviewee.code]))
    admin = as_role("administrator")
    admin.get(LIST)  # an audit.trail.read entry, whose detail holds its filters
    html = page(admin, language)
    html = html[html.index("<tbody>") : html.index("</tbody>")]  # the entries, not the head
    assert label in html
    assert f"{target} {interviewee.pk}" in html
    assert f"<dt>{detail}</dt>" in html
    assert ">archive.record.read<" not in html  # the code is only a tooltip
    assert '{"' not in html  # no JSON
    assert "{&quot;" not in html
