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
from tests.audit.helpers import assert_audited

SOMEONE = IdentityData(
    names=["리순옥", "Ri Sun-ok"],
    aliases=["순옥 동무"],
    birth_date="1972-03-08",
    contacts=[Contact("phone", "+86 139 0000 1234"), Contact("messenger", "wxid_demo_sunok")],
    family=[Relative("리영철", "brother", "회령", True)],
)


@pytest.fixture
def kept(users, interviewee):
    identity.identity_save(acting_user=users["interviewer"], interviewee=interviewee, data=SOMEONE)
    return interviewee


def test_the_identity_is_stored_only_sealed(kept):
    sealed = bytes(Identity.objects.get(interviewee=kept).identity_sealed)
    for value in ("리순옥", "Ri Sun-ok", "0000 1234", "wxid_demo_sunok", "리영철", "1972-03-08"):
        assert value.encode() not in sealed


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("name", "이순옥"),  # the South Korean spelling of 리순옥
        ("name", "ri sun ok"),
        ("phone", "139-0000-1234"),
        ("messenger", "WXID_DEMO_SUNOK"),
        ("birth_date", "1972-03-08"),
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
            identity_post(
                names="김영희\nKim Young-hee",
                contacts=[("phone", "010-0000-9876")],
                family=[("김철수", "brother", "혜산", "yes")],
            ),
        )
        assert response.status_code == 302
        kept = identity.identity_reveal(
            acting_user=users_custodian(), interviewee=interviewee, reason="checking the test"
        )
        assert kept.contacts == [Contact("phone", "010-0000-9876")]
        assert kept.family == [Relative("김철수", "brother", "혜산", True)]

    def test_lookup_is_by_post_so_no_name_lands_in_a_url(self, as_role, kept):
        client = as_role("custodian")
        response = client.post(reverse("vault:lookup"), {"kind": "name", "value": "Ri Sun-ok"})
        assert kept.code in response.content.decode()


# --- the record page's links to the vault (asked of the vault by the template) -------------


def link(name: str, code: str) -> str:
    return f'href="{reverse(name, args=[code])}"'


def test_the_record_page_offers_to_record_her_identity_while_the_vault_has_none(as_role, interview):
    client = as_role("interviewer")
    page = client.get(reverse("archive:interviewee_detail", args=[interview.interviewee.code]))
    assert link("vault:identity_edit", interview.interviewee.code) in page.text
    assert link("vault:identity_reveal", interview.interviewee.code) not in page.text


def test_the_record_page_links_to_the_reveal_for_her_interviewer_when_the_policy_allows(
    as_role, users, interview
):
    identity.identity_save(
        acting_user=users["interviewer"], interviewee=interview.interviewee, data=SOMEONE
    )
    code = interview.interviewee.code
    client = as_role("interviewer")
    record = reverse("archive:interviewee_detail", args=[code])
    assert link("vault:identity_reveal", code) not in client.get(record).text

    VaultPolicy.objects.update_or_create(pk=1, defaults={"interviewers_may_reveal": True})
    page = client.get(record).text
    assert link("vault:identity_reveal", code) in page
    assert link("vault:identity_edit", code) not in page


# --- the form: proper fields, every one validated (issue 14, item 10) ------------------------


def users_custodian():
    from journeys.accounts.models import User

    return User.objects.get(username="custodian")


def identity_post(*, names="김영희", birth_date="", contacts=(), family=(), step="save") -> dict:
    """What the identity page posts: the form, the contacts and the family formsets."""
    data = {"step": step, "names": names, "aliases": "", "birth_date": birth_date}
    for prefix, rows, fields in (
        ("contacts", contacts, ("kind", "value")),
        ("family", family, ("name", "relation", "location", "in_north")),
    ):
        data[f"{prefix}-TOTAL_FORMS"] = str(len(rows) + 1)
        data[f"{prefix}-INITIAL_FORMS"] = "0"
        for number, row in enumerate([*rows, ("",) * len(fields)]):
            for field, value in zip(fields, row, strict=True):
                data[f"{prefix}-{number}-{field}"] = value
    return data


def record_identity(client, interviewee, **fields):
    return client.post(
        reverse("vault:identity_edit", args=[interviewee.code]), identity_post(**fields)
    )


class TestTheIdentityForm:
    @pytest.mark.parametrize(
        ("birth_date", "language", "message"),
        [
            ("1972-13-40", "en", "1972-13-40 is not a date of the calendar."),
            ("1972-13-40", "ko", "1972-13-40은(는) 달력에 없는 날짜입니다."),
            ("19720308", "en", "Write the date as YYYY-MM-DD (or YYYY-MM, or YYYY)."),
            ("19720308", "ko", "날짜는 YYYY-MM-DD(또는 YYYY-MM, YYYY)로 쓰십시오."),
            (
                "1980-03-08",
                "en",
                "Her record gives 1972 as her birth year, not 1980: correct one or the other.",
            ),
            (
                "1980-03-08",
                "ko",
                "기록의 출생 연도는 1980년이 아니라 1972년입니다: 둘 중 하나를 바로잡으십시오.",
            ),
        ],
    )
    def test_a_wrong_birth_date_is_explained_and_nothing_is_kept(
        self, as_role, interviewee, birth_date, language, message
    ):
        client = as_role("interviewer")
        client.cookies["journeys_language"] = language
        response = record_identity(client, interviewee, birth_date=birth_date)
        assert response.status_code == 200
        assert message in response.content.decode()
        assert not Identity.objects.exists()

    @pytest.mark.parametrize("birth_date", ["1972", "1972-03", "1972-03-08"])
    def test_a_birth_date_may_be_as_precise_as_she_knows_it(self, as_role, interviewee, birth_date):
        response = record_identity(as_role("interviewer"), interviewee, birth_date=birth_date)
        assert response.status_code == 302
        assert Identity.objects.filter(interviewee=interviewee).exists()

    @pytest.mark.parametrize(
        ("row", "language", "message"),
        [
            (("김철수", "brother", "혜산", ""), "en", "Say whether this person lives in North"),
            (("김철수", "brother", "혜산", ""), "ko", "북한에 사는지, 모르는지 고르십시오."),
            (("김철수", "", "혜산", "no"), "en", "Give the relation (mother, brother, ...)."),
            (("", "brother", "혜산", "no"), "ko", "가족의 이름을 쓰십시오."),
        ],
    )
    def test_a_family_member_with_a_missing_field_is_refused_not_guessed(
        self, as_role, interviewee, row, language, message
    ):
        client = as_role("interviewer")
        client.cookies["journeys_language"] = language
        response = record_identity(client, interviewee, family=[row])
        assert response.status_code == 200
        assert message in response.content.decode()
        assert not Identity.objects.exists()

    def test_a_relative_whose_whereabouts_are_unknown_is_kept_as_unknown(
        self, as_role, interviewee
    ):
        record_identity(
            as_role("interviewer"), interviewee, family=[("김철수", "brother", "", "unknown")]
        )
        kept = identity.identity_reveal(
            acting_user=users_custodian(), interviewee=interviewee, reason="checking the test"
        )
        assert kept.family == [Relative("김철수", "brother", "", None)]

    def test_contact_kinds_are_offered_in_the_pages_language(self, as_role, interviewee):
        client = as_role("interviewer")
        client.cookies["journeys_language"] = "ko"
        page = client.get(reverse("vault:identity_edit", args=[interviewee.code]))
        html = page.content.decode()
        assert '<option value="phone">전화번호</option>' in html
        assert '<option value="messenger">메신저 ID</option>' in html
        assert '<option value="address">주소</option>' in html

    @pytest.mark.parametrize(
        ("row", "message"),
        [
            (("", "010-0000-9876"), "Choose the kind of contact."),
            (("phone", ""), "Write the contact itself, or leave the kind empty."),
            (("pager", "1234"), "Select a valid choice."),
        ],
    )
    def test_a_malformed_contact_is_explained_and_nothing_is_kept(
        self, as_role, interviewee, row, message
    ):
        client = as_role("interviewer")
        client.cookies["journeys_language"] = "en"
        response = record_identity(client, interviewee, contacts=[row])
        assert message in response.content.decode()
        assert not Identity.objects.exists()

    def test_the_service_refuses_an_impossible_date_whoever_calls_it(self, users, interviewee):
        with pytest.raises(ValidationError) as refused:
            identity.identity_save(
                acting_user=users["interviewer"],
                interviewee=interviewee,
                data=IdentityData(names=["김영희"], birth_date="1985-13-40"),
            )
        assert "birth_date" in refused.value.message_dict
        assert not Identity.objects.exists()


class TestCorrectingAnIdentity:
    def test_correcting_opens_with_a_reason_then_shows_the_form_filled_in(
        self, as_role, kept, users
    ):
        client = as_role("custodian")
        url = reverse("vault:identity_edit", args=[kept.code])
        first = client.get(url).content.decode()
        assert "리순옥" not in first
        assert "id_reason" in first
        page = client.post(url, {"reason": "She called: new phone number"}).content.decode()
        assert "리순옥" in page
        assert "+86 139 0000 1234" in page
        assert "리영철" in page
        assert 'value="1972-03-08"' in page
        entry = AuditEntry.objects.get(action="vault.identity.revealed")
        assert (entry.actor, entry.target_id) == (users["custodian"], str(kept.pk))

    def test_a_correction_is_saved_and_the_trail_names_the_parts_not_the_values(
        self, as_role, kept, users
    ):
        response = record_identity(
            as_role("custodian"),
            kept,
            names="리순옥\nRi Sun-ok",
            birth_date="1972-03-08",
            contacts=[("phone", "+86 139 0000 5678")],
            family=[("리영철", "brother", "회령", "yes")],
        )
        assert response.status_code == 302
        entry = assert_audited(
            "vault.identity.changed",
            kept,
            actor=users["custodian"],
            changed=["aliases", "contacts"],
        )
        assert "5678" not in str(entry.detail)
        found = identity.identity_lookup(
            acting_user=users["custodian"], kind="phone", value="139 0000 5678"
        )
        assert found == [kept.code]
        assert not identity.identity_lookup(
            acting_user=users["custodian"], kind="phone", value="139 0000 1234"
        )

    def test_a_refused_correction_keeps_the_identity_as_it_was(self, as_role, kept, users):
        response = record_identity(as_role("custodian"), kept, birth_date="1985-13-40")
        assert response.status_code == 200
        assert (
            identity.identity_reveal(
                acting_user=users["custodian"], interviewee=kept, reason="checking the test"
            )
            == SOMEONE
        )
        assert not AuditEntry.objects.filter(action="vault.identity.changed").exists()

    def test_an_old_sign_in_must_be_confirmed_before_the_correction(self, as_role, kept):
        from journeys.accounts import sessions

        client = as_role("custodian")
        session = client.session
        session[sessions.CONFIRMED_AT] = session[sessions.CONFIRMED_AT] - 3600
        session.save()
        response = client.get(reverse("vault:identity_edit", args=[kept.code]))
        assert response["Location"].startswith(reverse("accounts:reauth"))

    def test_the_vault_page_links_to_the_correction_and_opens_a_record_by_code(self, as_role, kept):
        client = as_role("custodian")
        client.cookies["journeys_language"] = "en"
        page = client.post(reverse("vault:lookup"), {"kind": "name", "value": "Ri Sun-ok"})
        assert reverse("vault:identity_edit", args=[kept.code]) in page.content.decode()
        opened = client.get(reverse("vault:lookup"), {"code": kept.code.lower()})
        assert opened["Location"] == reverse("vault:identity_edit", args=[kept.code])
        unknown = client.get(reverse("vault:lookup"), {"code": "W-9999"})
        assert "No record of your team has this code." in unknown.content.decode()

    def test_the_reveal_page_links_the_custodian_to_the_correction(self, as_role, kept):
        client = as_role("custodian")
        page = client.post(
            reverse("vault:identity_reveal", args=[kept.code]), {"reason": "Rescue case 4 now"}
        )
        assert reverse("vault:identity_edit", args=[kept.code]) in page.content.decode()


def test_the_reveal_page_of_a_woman_with_no_identity_offers_to_record_it(as_role, interview):
    # It said only "No identity is kept for her", a dead end for the custodian who keeps it.
    code = interview.interviewee.code
    page = as_role("custodian").get(reverse("vault:identity_reveal", args=[code]))
    assert page.status_code == 200
    assert link("vault:identity_edit", code) in page.content.decode()


@pytest.mark.parametrize(
    ("role", "back"), [("custodian", "vault:lookup"), ("interviewer", "archive:interviewee_detail")]
)
def test_the_identity_form_leads_back_to_a_page_the_role_may_open(as_role, interview, role, back):
    # The form had no way back but the browser's; the custodian may not open the record page.
    code = interview.interviewee.code
    page = as_role(role).get(reverse("vault:identity_edit", args=[code])).content.decode()
    url = reverse(back) if back == "vault:lookup" else reverse(back, args=[code])
    assert f'class="button secondary" href="{url}"' in page
