"""The identity vault: sealed, found by exact value without opening, revealed only with a
reason, a fresh sign-in and an audit entry."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from journeys.audit import reasons
from journeys.audit.models import AuditEntry
from journeys.vault import identity
from journeys.vault.identity import Contact, IdentityData, Relative
from journeys.vault.models import Identity, IdentityDigest, VaultPolicy

SOMEONE = IdentityData(
    names=["리순옥", "Ri Sun-ok"],
    aliases=["순옥 동무"],
    birth_date="1971-03-08",
    contacts=[Contact("phone", "+86 139 0000 1234"), Contact("messenger", "wxid_demo_sunok")],
    family=[Relative("리영철", "brother", "회령", True)],
)


@pytest.fixture
def kept(users, interviewee):
    identity.identity_save(acting_user=users["interviewer"], interviewee=interviewee, data=SOMEONE)
    return interviewee


def test_the_identity_is_stored_only_sealed(kept):
    sealed = bytes(Identity.objects.get(interviewee=kept).identity_sealed)
    for value in ("리순옥", "Ri Sun-ok", "0000 1234", "wxid_demo_sunok", "리영철", "1971-03-08"):
        assert value.encode() not in sealed


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("name", "이순옥"),  # the South Korean spelling of 리순옥
        ("name", "ri sun ok"),
        ("phone", "139-0000-1234"),
        ("messenger", "WXID_DEMO_SUNOK"),
        ("birth_date", "1971-03-08"),
    ],
)
def test_a_custodian_finds_her_by_an_exact_value_in_another_spelling(users, kept, kind, value):
    assert identity.identity_lookup(acting_user=users["custodian"], kind=kind, value=value) == [
        kept.code
    ]


def test_a_different_value_finds_no_one(users, kept):
    assert (
        identity.identity_lookup(acting_user=users["custodian"], kind="name", value="김순옥") == []
    )


def test_digests_are_keyed_hashes_not_plain_hashes(kept):
    import hashlib

    plain = hashlib.sha256("name:이순옥".encode()).hexdigest()
    assert not IdentityDigest.objects.filter(digest=plain).exists()


def test_revealing_needs_a_reason_and_is_audited(users, kept):
    with pytest.raises(ValidationError):
        identity.identity_reveal(acting_user=users["custodian"], interviewee=kept, reason="")
    data = identity.identity_reveal(
        acting_user=users["custodian"], interviewee=kept, reason="Family tracing request 12"
    )
    assert data == SOMEONE
    entry = AuditEntry.objects.get(action="vault.identity.revealed")
    assert entry.actor == users["custodian"]
    # The reason is in the trail sealed, never readable (tests/audit/test_reveal_reasons.py).
    assert "Family tracing request 12" not in entry.detail_text
    assert reasons.reasons_opened([entry]) == {entry.seq: "Family tracing request 12"}


@pytest.mark.parametrize("role", ["administrator", "coder", "researcher", "publisher"])
def test_roles_without_the_vault_cannot_reveal(users, kept, role):
    with pytest.raises(PermissionDenied):
        identity.identity_reveal(
            acting_user=users[role], interviewee=kept, reason="just curious, sorry"
        )


def test_the_interviewer_reveals_only_where_the_administrator_allows(users, kept, interview):
    with pytest.raises(PermissionDenied):
        identity.identity_reveal(
            acting_user=users["interviewer"], interviewee=kept, reason="follow-up interview"
        )
    VaultPolicy.objects.update_or_create(pk=1, defaults={"interviewers_may_reveal": True})
    data = identity.identity_reveal(
        acting_user=users["interviewer"], interviewee=kept, reason="follow-up interview"
    )
    assert data.names == SOMEONE.names


def test_only_the_custodian_replaces_an_identity(users, kept):
    with pytest.raises(PermissionDenied):
        identity.identity_save(acting_user=users["interviewer"], interviewee=kept, data=SOMEONE)
    changed = IdentityData(names=["박순옥"])
    identity.identity_save(acting_user=users["custodian"], interviewee=kept, data=changed)
    assert identity.identity_lookup(acting_user=users["custodian"], kind="name", value="박순옥")
    assert not identity.identity_lookup(acting_user=users["custodian"], kind="name", value="리순옥")


class TestPages:
    def test_the_reveal_page_asks_for_a_reason_then_shows_her_identity(self, as_role, kept):
        client = as_role("custodian")
        url = reverse("vault:identity_reveal", args=[kept.code])
        assert "리순옥" not in client.get(url).content.decode()
        response = client.post(url, {"reason": "Rescue coordination, case 4"})
        assert "리순옥" in response.content.decode()
        assert response["Cache-Control"].startswith("max-age=0")

    def test_an_old_sign_in_must_be_confirmed_again_first(self, as_role, kept, users):
        from journeys.accounts import sessions

        client = as_role("custodian")
        session = client.session
        session[sessions.CONFIRMED_AT] = session[sessions.CONFIRMED_AT] - 3600
        session.save()
        response = client.get(reverse("vault:identity_reveal", args=[kept.code]))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:reauth"))

    def test_an_interviewer_records_an_identity_at_intake(self, as_role, interviewee):
        response = as_role("interviewer").post(
            reverse("vault:identity_edit", args=[interviewee.code]),
            {"names": "김영희\nKim Young-hee", "contacts": "phone: 010-0000-9876", "family": ""},
        )
        assert response.status_code == 302
        assert Identity.objects.filter(interviewee=interviewee).exists()

    def test_a_malformed_contact_is_explained_and_nothing_is_kept(self, as_role, interviewee):
        client = as_role("interviewer")
        client.cookies["journeys_language"] = "en"
        response = client.post(
            reverse("vault:identity_edit", args=[interviewee.code]),
            {"names": "김영희", "contacts": "pager 1234"},
        )
        assert "kind: value" in response.content.decode()
        assert not Identity.objects.exists()

    def test_lookup_is_by_post_so_no_name_lands_in_a_url(self, as_role, kept):
        client = as_role("custodian")
        response = client.post(reverse("vault:lookup"), {"kind": "name", "value": "Ri Sun-ok"})
        assert kept.code in response.content.decode()
