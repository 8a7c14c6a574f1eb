"""Erasing a woman's whole record at her request (issue 14, item 9): every row of hers and
her data key go, the trail keeps only that it happened. That a backup made before cannot
bring her back is tested with the backups, in tests/vault/test_backup.py."""

import shutil

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import override_settings
from django.urls import reverse

from journeys.archive import services
from journeys.archive.models import Consent, Interview, Interviewee, JourneyEvent, Segment
from journeys.audit.models import AuditEntry
from journeys.erasure import services as erasure
from journeys.keys import crypto, keyring
from journeys.keys.models import DataKey
from journeys.keys.sealing import record_key
from journeys.protection import services as protection
from journeys.protection.models import TextRelease
from journeys.reports.models import Fact
from journeys.vault import identity
from journeys.vault.identity import Contact, IdentityData
from journeys.vault.models import Identity, IdentityDigest
from tests.audit.helpers import assert_audited
from tests.protection.conftest import TESTIMONY, approve, opened


@pytest.fixture(autouse=True)
def own_keys(tmp_path, archive_keys):
    """The session's keys in a data directory of this test's own: an erasure writes to
    keys.json, which must not reach other tests."""
    shutil.copy2(keyring.meta_path(), tmp_path / "keys.json")
    with override_settings(DATA_DIR=tmp_path):
        yield tmp_path


@pytest.fixture
def whole_record(users, interview, event):
    """Her record with something in every table that holds her: transcript, journey, facts,
    search, identity and a released version."""
    services.transcript_save(
        acting_user=users["interviewer"], interview=interview, segments=TESTIMONY
    )
    identity.identity_save(
        acting_user=users["interviewer"],
        interviewee=interview.interviewee,
        data=IdentityData(names=["지움순희"], contacts=[Contact("phone", "+86 135 0000 4321")]),
    )
    approve(acting_user=users["publisher"], interview=opened(interview, users["publisher"]))
    protection.release_create(
        acting_user=users["publisher"], interview=opened(interview, users["publisher"]), use="quote"
    )
    return interview.interviewee


def erase(users, person, *, role="administrator", confirmation=None, reason="She asked by phone"):
    return erasure.interviewee_erase(
        acting_user=users[role],
        interviewee=person,
        reason=reason,
        confirmation=person.code if confirmation is None else confirmation,
    )


def search_docs_of(person_id: int) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_doc WHERE interviewee_id = %s", [person_id])
        return cursor.fetchone()[0]


def test_erasure_leaves_no_row_of_hers_anywhere(users, whole_record):
    person = whole_record
    key_id = person.data_key_id
    assert Fact.objects.filter(woman=person).exists()
    assert search_docs_of(person.pk) == 1
    assert TextRelease.objects.exists()

    erase(users, person)

    assert not Interviewee.objects.filter(pk=person.pk).exists()
    for model in (Interview, Segment, JourneyEvent, Consent, TextRelease, Identity):
        assert not model.objects.exists(), model
    assert not IdentityDigest.objects.exists()
    assert not Fact.objects.filter(woman_id=person.pk).exists()
    assert search_docs_of(person.pk) == 0
    assert not DataKey.objects.filter(pk=key_id).exists()


def test_her_data_key_is_listed_as_destroyed_in_keys_json(users, whole_record):
    fingerprint = crypto.fingerprint(record_key(whole_record.data_key))
    erase(users, whole_record)
    listed = keyring.erased_keys()
    assert [e["key"] for e in listed if e["code"] == whole_record.code] == [fingerprint]


def test_the_trail_says_that_it_happened_not_what(users, whole_record):
    code = whole_record.code
    erase(users, whole_record)
    entry = assert_audited("archive.interviewee.erased")
    assert (entry.actor, entry.target_type, entry.target_id) == (
        users["administrator"],
        "archive.interviewee",
        code,
    )
    assert entry.detail == {"code": code, "reason": "She asked by phone"}


@pytest.mark.parametrize("role", ["interviewer", "coder", "researcher", "publisher", "custodian"])
def test_only_the_administrator_erases(users, interviewee, role):
    with pytest.raises(PermissionDenied):
        erase(users, interviewee, role=role)
    assert Interviewee.objects.filter(pk=interviewee.pk).exists()


@pytest.mark.parametrize(
    ("confirmation", "reason", "field"),
    [("W-9999", "She asked by phone", "confirmation"), (None, "asked", "reason")],
)
def test_a_wrong_code_or_no_reason_erases_nothing(users, interviewee, confirmation, reason, field):
    with pytest.raises(ValidationError) as refused:
        erase(users, interviewee, confirmation=confirmation, reason=reason)
    assert field in refused.value.message_dict
    assert Interviewee.objects.filter(pk=interviewee.pk).exists()
    assert keyring.erased_keys() == []
    assert not AuditEntry.objects.filter(action="archive.interviewee.erased").exists()


class TestThePage:
    def test_it_asks_for_her_code_and_a_reason_then_erases(self, as_role, interviewee):
        client = as_role("administrator")
        url = reverse("erasure:interviewee_erase", args=[interviewee.code])
        assert "id_confirmation" in client.get(url).content.decode()
        response = client.post(
            url, {"confirmation": interviewee.code, "reason": "She asked in writing, 2024"}
        )
        assert response["Location"] == reverse("archive:interviewee_list")
        assert not Interviewee.objects.exists()

    @pytest.mark.parametrize(
        ("language", "message"),
        [
            ("en", "Type her code, W-0001, to confirm."),
            ("ko", "확인하려면 그녀의 코드 W-0001을(를) 입력하십시오."),
        ],
    )
    def test_a_wrong_code_is_explained_in_the_pages_language(
        self, as_role, interviewee, language, message
    ):
        client = as_role("administrator")
        client.cookies["journeys_language"] = language
        response = client.post(
            reverse("erasure:interviewee_erase", args=[interviewee.code]),
            {"confirmation": "W-0002", "reason": "She asked in writing, 2024"},
        )
        assert response.status_code == 200
        assert message in response.content.decode()
        assert Interviewee.objects.exists()

    def test_an_old_sign_in_must_be_confirmed_first(self, as_role, interviewee):
        from journeys.accounts import sessions

        client = as_role("administrator")
        session = client.session
        session[sessions.CONFIRMED_AT] = session[sessions.CONFIRMED_AT] - 3600
        session.save()
        response = client.get(reverse("erasure:interviewee_erase", args=[interviewee.code]))
        assert response["Location"].startswith(reverse("accounts:reauth"))

    def test_an_interviewer_is_refused(self, as_role, interviewee):
        url = reverse("erasure:interviewee_erase", args=[interviewee.code])
        assert as_role("interviewer").get(url).status_code == 403
