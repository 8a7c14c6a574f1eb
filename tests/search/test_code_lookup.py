"""A code typed in the search opens that record, for every role that reads the archive, and
only within the user's own team: another team's code finds what a code nobody has finds."""

import pytest
from django.urls import reverse

from journeys.accounts.models import Team, User
from journeys.archive.selectors import code_spelling
from journeys.audit.models import AuditEntry

pytestmark = pytest.mark.django_db

READERS = ["administrator", "interviewer", "coder", "researcher", "publisher"]


@pytest.fixture
def hers(testimony):
    return testimony(["청진에서 왔어요."], ["I came from Chongjin."]).interviewee


@pytest.fixture
def elsewhere(testimony):
    """A record of another team, entered by that team's interviewer."""
    partner = User.objects.create(
        username="partner-interviewer", role="interviewer", team=Team.objects.create(name="Partner")
    )
    return testimony(["회령에서 왔어요."], user=partner).interviewee


@pytest.mark.parametrize("role", READERS)
def test_a_code_typed_in_search_opens_the_record(as_role, hers, role):
    response = as_role(role).get(reverse("search:results"), {"q": hers.code})
    assert response.status_code == 302
    assert response["Location"] == reverse("archive:interviewee_detail", args=[hers.code])


@pytest.mark.parametrize("typed", ["w-{n}", "W{n}", "w {short}", " W-{n} "])
def test_a_code_typed_loosely_still_opens_the_record(as_role, hers, typed):
    number = hers.code.removeprefix("W-")
    text = typed.format(n=number, short=int(number))
    response = as_role("publisher").get(reverse("search:results"), {"q": text})
    assert response["Location"] == reverse("archive:interviewee_detail", args=[hers.code])


def test_the_search_box_of_the_results_page_asks_the_browser_to_open_the_record(as_role, hers):
    response = as_role("coder").get(
        reverse("search:results"), {"q": hers.code}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert response["HX-Redirect"] == reverse("archive:interviewee_detail", args=[hers.code])


def test_opening_a_record_by_its_code_is_audited_as_a_search_of_one_hit(as_role, hers):
    as_role("researcher").get(reverse("search:results"), {"q": hers.code})
    entry = AuditEntry.objects.get(action="search.searched")
    assert entry.actor_name == "researcher"
    assert entry.target_id == str(hers.pk)
    assert entry.detail["hits"] == 1
    assert hers.code not in str(entry.detail)  # the query is kept as a digest only


def test_another_teams_code_finds_exactly_what_a_code_nobody_has_finds(as_role, hers, elsewhere):
    client = as_role("publisher")
    client.cookies["journeys_language"] = "en"

    def results_for(code):
        response = client.get(
            reverse("search:results"), {"q": code}, headers={"HX-Request": "true"}
        )
        assert response.status_code == 200
        assert "HX-Redirect" not in response
        return response.content.decode().replace(code, "CODE")

    assert elsewhere.code != hers.code
    assert results_for(elsewhere.code) == results_for("W-9999")
    assert "No testimony matches this search." in results_for(elsewhere.code)


def test_words_that_only_look_like_part_of_a_code_are_searched_as_words(as_role, hers):
    response = as_role("publisher").get(reverse("search:results"), {"q": "청진"})
    assert response.status_code == 200
    assert hers.code in response.content.decode()


def test_a_code_is_spelled_as_the_archive_spells_it():
    assert code_spelling("w301") == "W-0301"
    assert code_spelling(" W-0301 ") == "W-0301"
    assert code_spelling("청진") == "청진"
