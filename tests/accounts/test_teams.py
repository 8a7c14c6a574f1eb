"""Another team's records do not exist for you: asked for by id or code, they are not found."""

import pytest
from django.urls import reverse

from journeys.accounts.models import Team, User
from journeys.vault import identity
from tests.accounts.helpers import sign_in
from tests.accounts.test_role_matrix import POLICY, POST_ONLY, url_for

OBJECT_URLS = sorted(
    name
    for name in POLICY
    if name.startswith(("archive:", "vault:"))
    and name not in {"archive:interviewee_list", "archive:intake", "vault:lookup", "vault:policy"}
)


@pytest.fixture
def other_team(db):
    team = Team.objects.create(name="Bangkok partner")
    return {
        role: User.objects.create(username=f"bkk-{role}", role=role, team=team)
        for role in ("administrator", "interviewer", "custodian")
    }


@pytest.mark.parametrize("name", OBJECT_URLS)
def test_every_object_url_refuses_another_teams_ids(
    client, other_team, interviewee, interview, event, name
):
    role = "custodian" if name.startswith("vault:") else "administrator"
    sign_in(client, other_team[role])
    url = url_for(name, interviewee, interview, event)
    response = client.post(url) if name in POST_ONLY else client.get(url)
    assert response.status_code == 404


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
    from journeys.archive import services
    from journeys.codebook.models import Term

    person = services.interviewee_create(
        acting_user=other_team["interviewer"],
        birth_year=1975,
        home_province=Term.objects.get(code="kp-hamgyongbuk"),
    )
    assert person.team.name == "Bangkok partner"
