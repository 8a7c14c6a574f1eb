"""Another team's records, accounts, releases, policy and audit entries do not exist for you:
asked for by id, code or name, they are not found, and nothing you post changes them.

The walk below takes every URL the resolver knows (as test_role_matrix does), signs in as
each role of a partner team, and sends a GET and a POST at the main team's objects."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from journeys.accounts.matrix import routes
from journeys.accounts.models import Team, User, UserSession
from journeys.accounts.roles import PUBLIC, Role
from journeys.archive import services
from journeys.archive.models import Consent, Interview, Interviewee, JourneyEvent, Segment
from journeys.audit.models import AuditEntry
from journeys.audit.selectors import entries_of_team
from journeys.codebook.models import Kind
from journeys.protection import models as protection
from journeys.reports.models import Fact, Release
from journeys.vault import identity
from journeys.vault.models import Identity, VaultPolicy
from tests.accounts.helpers import sign_in
from tests.accounts.test_role_matrix import POST_ONLY, released_version, url_for
from tests.conftest import term

PARTNER = "Bangkok partner (fictional)"
# A user name of the main team that appears nowhere else: finding it on a partner's page is
# a leak of the main team's accounts.
MAIN_ONLY_NAME = "main-only-interviewer-mirae"
ROUTES = routes()


@pytest.fixture
def other_team(db):
    team = Team.objects.create(name=PARTNER)
    return {
        role.value: User.objects.create(username=f"bkk-{role.value}", role=role, team=team)
        for role in Role
    }


@pytest.fixture
def main_archive(users, interviewee, interview, event):
    """The main team's objects of every kind a URL can name, and an identity in the vault."""
    User.objects.create(username=MAIN_ONLY_NAME, role=Role.INTERVIEWER)
    services.transcript_save(
        acting_user=users["interviewer"],
        interview=interview,
        segments=[services.SegmentInput(speaker="interviewee", text_ko="가", text_en="a")],
    )
    identity.identity_save(
        acting_user=users["interviewer"],
        interviewee=interviewee,
        data=identity.IdentityData(names=["가나다"]),
    )
    VaultPolicy.objects.create(team=None, interviewers_may_reveal=True)
    released_version(interview)
    return interviewee


def main_team_state() -> list:
    """Every row of the main team that any URL could change."""
    main = {"interviewee__team": None}
    deep = {"interview__interviewee__team": None}
    return [
        list(query.order_by("pk").values())
        for query in (
            Interviewee.objects.filter(team=None),
            Interview.objects.filter(**main),
            Consent.objects.filter(**deep),
            Segment.objects.filter(**deep),
            JourneyEvent.objects.filter(**deep),
            Identity.objects.filter(**main),
            protection.TextRelease.objects.filter(**deep),
            protection.Excerpt.objects.filter(release__interview__interviewee__team=None),
            protection.TestimonyReview.objects.filter(**deep),
            protection.SegmentReview.objects.filter(**deep),
            Fact.objects.filter(team=None),
            Release.objects.filter(team=None),
            VaultPolicy.objects.filter(team=None),
            User.objects.filter(team=None).exclude(username__startswith="bkk-"),
            TOTPDevice.objects.filter(user__team=None),
            UserSession.objects.filter(user__team=None),
        )
    ]


def takes_an_object(route) -> bool:
    """The URL names one object (a record, interview, event, consent, release or account);
    a table's name or a direction is no team's."""
    return any(part in route.pattern for part in ("<int:pk>", "<str:code>", "<str:username>"))


def refusal(route, role: str, method: str, response, main_code: str) -> str | None:
    """Why this answer breaks the compartment, or None when it keeps it."""
    allowed = route.allowed == PUBLIC or role in (route.allowed or ())
    if response.status_code >= 500:
        return f"{response.status_code}"
    if not allowed:
        return None if response.status_code == 403 else f"{response.status_code}, not 403"
    if takes_an_object(route):
        expected = {404, 405} if method == "get" and route.name in POST_ONLY else {404}
        if response.status_code not in expected:
            return f"{response.status_code}, not 404"
    body = response.content.decode(errors="replace") if not response.streaming else ""
    for secret in (main_code, MAIN_ONLY_NAME):
        if secret in body:
            return f"shows {secret}"
    return None


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.name)
def test_no_role_of_another_team_reaches_or_changes_the_main_teams_objects(
    route, main_archive, interview, event, other_team
):
    url = url_for(route.name, main_archive, interview, event)
    before = main_team_state()
    problems, requests = [], 0
    for role, user in other_team.items():
        client = sign_in(Client(), user)
        client.cookies["journeys_language"] = "en"
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            requests += 1
            problem = refusal(route, role, method, response, main_archive.code)
            if problem:
                problems.append(f"{role} {method.upper()} {url}: {problem}")
    assert requests == len(Role) * 2
    assert problems == []
    assert main_team_state() == before


def test_the_list_and_the_counts_show_only_your_teams_records(client, other_team, interviewee):
    sign_in(client, other_team["administrator"])
    assert interviewee.code not in client.get(reverse("archive:interviewee_list")).content.decode()
    assert client.get(reverse("core:home")).context["counts"]["interviewees"] == 0


def test_the_vault_look_up_finds_no_one_of_another_team(users, other_team, interviewee):
    identity.identity_save(
        acting_user=users["interviewer"],
        interviewee=interviewee,
        data=identity.IdentityData(names=["박하나"]),
    )
    assert identity.identity_lookup(acting_user=users["custodian"], kind="name", value="박하나")
    found = identity.identity_lookup(
        acting_user=other_team["custodian"], kind="name", value="박하나"
    )
    assert found == []


def test_records_made_by_a_team_member_belong_to_her_team(client, other_team):
    person = services.interviewee_create(
        acting_user=other_team["interviewer"],
        birth_year=1975,
        home_province=term(Kind.PLACE, "kp-hamgyongbuk"),
    )
    assert person.team.name == PARTNER


def test_a_new_team_with_nothing_counted_yet_opens_its_dashboard(client, other_team):
    sign_in(client, other_team["researcher"])
    assert client.get(reverse("reports:dashboard")).status_code == 200


# Accounts


def test_the_staff_page_lists_only_the_administrators_own_team(client, users, other_team):
    sign_in(client, other_team["administrator"])
    listed = {a.username for a in client.get(reverse("accounts:user_list")).context["accounts"]}
    assert listed == set(User.objects.filter(team__name=PARTNER).values_list("username", flat=True))
    assert "interviewer" not in listed


def test_another_teams_account_cannot_be_disabled_or_reset(client, users, other_team):
    sign_in(client, other_team["administrator"])
    for name in ("accounts:user_disable", "accounts:user_second_factor_reset"):
        assert client.post(reverse(name, args=["interviewer"])).status_code == 404
    users["interviewer"].refresh_from_db()
    assert users["interviewer"].is_active


# Interviews and codes


def test_the_interview_form_offers_only_the_teams_interviewers(client, users, other_team):
    partner_woman = services.interviewee_create(
        acting_user=other_team["interviewer"],
        birth_year=1975,
        home_province=term(Kind.PLACE, "kp-hamgyongbuk"),
    )
    sign_in(client, other_team["administrator"])
    form = client.get(reverse("archive:interview_new", args=[partner_woman.code])).context["form"]
    offered = {user.username for user in form.fields["interviewer"].queryset}
    assert offered == {"bkk-interviewer", "bkk-administrator"}


def test_an_interviewer_of_another_team_is_refused_with_a_message(client, users, other_team):
    partner_woman = services.interviewee_create(
        acting_user=other_team["interviewer"],
        birth_year=1975,
        home_province=term(Kind.PLACE, "kp-hamgyongbuk"),
    )
    sign_in(client, other_team["administrator"])
    client.cookies["journeys_language"] = "en"
    response = client.post(
        reverse("archive:interview_new", args=[partner_woman.code]),
        {
            "date": "2019-05-04",
            "interviewer": users["interviewer"].pk,
            "language": "ko",
            "consent_record": "on",
        },
    )
    assert "Select a valid choice" in response.content.decode()
    assert not Interview.objects.filter(interviewee=partner_woman).exists()
    with pytest.raises(ValidationError, match="of her own team"):
        services.interview_create(
            acting_user=other_team["administrator"],
            interviewee=partner_woman,
            date=dt.date(2019, 5, 4),
            interviewer=users["interviewer"],
            language="ko",
            consents={"record": True},
        )


def test_each_team_numbers_its_own_women_and_learns_nothing_of_the_others(users, other_team):
    def new_woman(user):
        return services.interviewee_create(
            acting_user=user, birth_year=1975, home_province=term(Kind.PLACE, "kp-rason")
        ).code

    main_codes = [new_woman(users["interviewer"]) for _ in range(3)]
    partner_codes = [new_woman(other_team["interviewer"]) for _ in range(2)]
    main_codes.append(new_woman(users["interviewer"]))
    team_id = other_team["interviewer"].team_id
    assert main_codes == ["W-0001", "W-0002", "W-0003", "W-0004"]
    assert partner_codes == [f"W{team_id}-0001", f"W{team_id}-0002"]


def test_codes_given_before_numbering_per_team_stay_as_they_were(users, other_team, interviewee):
    Interviewee.objects.filter(pk=interviewee.pk).update(team=other_team["interviewer"].team)
    person = services.interviewee_create(
        acting_user=users["interviewer"],
        birth_year=1975,
        home_province=term(Kind.PLACE, "kp-rason"),
    )
    interviewee.refresh_from_db()
    assert interviewee.code == "W-0001"
    assert person.code == "W-0002"  # never a code another team's record already holds


# The audit trail


def partner_reads_the_trail(client, other_team) -> list[AuditEntry]:
    sign_in(client, other_team["administrator"])
    response = client.get(reverse("audit:entry_list"))
    return list(response.context["page"].object_list)


def test_the_trail_shows_no_entry_by_or_about_another_team(client, main_archive, other_team):
    services.interviewee_create(
        acting_user=other_team["interviewer"],
        birth_year=1975,
        home_province=term(Kind.PLACE, "kp-rason"),
    )
    shown = partner_reads_the_trail(client, other_team)
    partner_ids = set(User.objects.filter(team__name=PARTNER).values_list("pk", flat=True))
    assert "archive.interviewee.created" in {entry.action for entry in shown}
    assert {entry.actor_id for entry in shown} <= partner_ids
    assert main_archive.code not in client.get(reverse("audit:entry_list")).content.decode()


def test_an_entry_by_the_team_about_another_teams_object_is_not_shown(
    client, users, other_team, interviewee
):
    from journeys.audit.services import audit_record

    audit_record(actor=other_team["interviewer"], action="test.about_main", target=interviewee)
    audit_record(actor=other_team["interviewer"], action="test.about_nothing")
    shown = {entry.action for entry in partner_reads_the_trail(client, other_team)}
    assert "test.about_nothing" in shown
    assert "test.about_main" not in shown


def test_entries_with_no_account_belong_to_the_main_team_unless_they_name_a_member(
    users, other_team
):
    from journeys.audit.services import audit_record

    audit_record(actor=None, action="test.anonymous")
    audit_record(actor="bkk-coder", action="test.failed_sign_in_of_a_partner")
    audit_record(actor="journeys reindex", action="test.command")
    main = {e.action for e in entries_of_team(users["administrator"])}
    partner = {e.action for e in entries_of_team(other_team["administrator"])}
    assert {"test.anonymous", "test.command"} <= main
    assert "test.failed_sign_in_of_a_partner" not in main
    assert partner & {"test.anonymous", "test.command"} == set()
    assert "test.failed_sign_in_of_a_partner" in partner


def test_filtering_the_trail_for_another_teams_record_finds_nothing(
    client, main_archive, other_team
):
    sign_in(client, other_team["administrator"])
    response = client.get(
        reverse("audit:entry_list"),
        {"target_type": "archive.interviewee", "target_id": str(main_archive.pk)},
    )
    assert response.context["page"].paginator.count == 0
    assert AuditEntry.objects.filter(target_id=str(main_archive.pk)).exists()


def test_another_teams_verification_is_not_shown_as_yours(client, users, other_team):
    sign_in(client, users["administrator"]).post(reverse("audit:verify"))
    sign_in(client, other_team["administrator"])
    assert client.get(reverse("audit:entry_list")).context["last_verification"] is None
