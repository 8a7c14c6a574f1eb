"""The interviewee list narrowed by a code, whole or in part, within the user's team."""

import pytest
from django.urls import reverse

from journeys.accounts.models import Team, User
from journeys.archive import services
from journeys.codebook.models import Kind
from tests.conftest import term

pytestmark = pytest.mark.django_db


def woman(acting_user):
    return services.interviewee_create(
        acting_user=acting_user, birth_year=1970, home_province=term(Kind.PLACE, "kp-ryanggang")
    )


def codes_listed(client, code):
    response = client.get(reverse("archive:interviewee_list"), {"code": code})
    assert response.status_code == 200
    return [person.code for person in response.context["page"]]


@pytest.fixture
def three(users):
    return [woman(users["interviewer"]) for _ in range(3)]


def test_the_list_shows_only_the_record_whose_whole_code_is_typed(as_role, three):
    assert codes_listed(as_role("researcher"), three[1].code) == [three[1].code]


def test_part_of_a_code_lists_every_code_holding_it(as_role, three):
    assert codes_listed(as_role("coder"), "000") == [p.code for p in three]


def test_a_code_typed_without_its_dash_and_zeros_finds_it(as_role, three):
    number = int(three[2].code.removeprefix("W-"))
    assert codes_listed(as_role("publisher"), f"w{number}") == [three[2].code]


def test_another_teams_code_lists_nobody(as_role, three):
    partner = User.objects.create(
        username="partner", role="interviewer", team=Team.objects.create(name="Partner")
    )
    theirs = woman(partner)
    assert codes_listed(as_role("administrator"), theirs.code) == []


def test_the_list_page_offers_the_code_filter_in_both_languages(as_role, three):
    client = as_role("interviewer")
    for language, label in [("en", "Code"), ("ko", "코드")]:
        client.cookies["journeys_language"] = language
        page = client.get(reverse("archive:interviewee_list")).content.decode()
        assert 'name="code"' in page
        assert f">{label}</label>" in page
