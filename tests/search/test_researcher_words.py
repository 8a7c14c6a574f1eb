"""A researcher may not search transcript words (a hit would tell her what a testimony says).
What she types is not silently dropped: the codebook terms in it (places where events
happened, facilities) become the filters she may use, and the other words are named as not
searched, on the page, in the command and in its JSON."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from journeys.archive import services
from journeys.audit.models import AuditEntry
from journeys.codebook.models import Kind
from journeys.search.selectors import search
from tests.conftest import term


def coded(interview, users, *, place=None, facility=None, stage="leaving", kind="crossing"):
    services.event_add(
        acting_user=users["coder"],
        interview=interview,
        data=services.EventInput(
            stage=term(Kind.STAGE, stage),
            event_type=term(Kind.EVENT_TYPE, kind),
            place=term(Kind.PLACE, place) if place else None,
            facility=term(Kind.FACILITY, facility) if facility else None,
            start_year=1998,
        ),
    )
    return interview


@pytest.fixture
def journeys(testimony, users):
    return {
        "ryanggang": coded(testimony(["강을 건넜어요."]), users, place="kp-ryanggang"),
        "hamgyong": coded(testimony(["강을 건넜어요."]), users, place="kp-hamgyongbuk"),
        "chongori": coded(
            testimony(["교화소에 있었어요."]),
            users,
            facility="kyohwaso-chongori",
            stage="detention",
            kind="detention",
        ),
    }


def ids(found) -> set[int]:
    return {hit.interview_id for hit in found.hits}


@pytest.mark.parametrize("words", ["량강도", "양강도", "Ryanggang"])
def test_a_province_she_types_filters_where_events_happened(users, journeys, words):
    found = search(users["researcher"], words)
    assert ids(found) == {journeys["ryanggang"].pk}
    assert [(typed, t.code) for typed, t in found.words_as_filters] == [(words, "kp-ryanggang")]
    assert found.ignored_words == []
    assert not found.words_ignored


def test_a_facility_she_types_filters_its_facility_type(users, journeys):
    found = search(users["researcher"], "전거리교화소")
    assert ids(found) == {journeys["chongori"].pk}
    assert [t.code for _typed, t in found.words_as_filters] == ["kyohwaso"]


def test_words_that_are_no_codebook_term_are_named_as_not_searched(users, journeys):
    found = search(users["researcher"], "량강도 강을 건넜어요")
    assert ids(found) == {journeys["ryanggang"].pk}
    assert found.ignored_words == ["강을", "건넜어요"]
    assert found.words_ignored


def test_a_role_that_reads_transcripts_still_searches_the_words(users, journeys):
    found = search(users["publisher"], "교화소에")
    assert found.words_as_filters == []
    assert found.query is not None


def test_the_results_page_tells_her_what_was_searched_and_what_was_not(client, users, journeys):
    from tests.accounts.helpers import sign_in

    sign_in(client, users["researcher"])
    client.cookies["journeys_language"] = "en"
    html = client.get(reverse("search:results"), {"q": "량강도 건넜어요"}).content.decode()
    assert "Searched as codebook filters: 량강도 → Ryanggang" in html
    assert "Not searched: 건넜어요" in html


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("search", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_command_says_which_words_were_not_searched(users, journeys):
    out, err = run("량강도 건넜어요", "--user", "researcher")
    assert out.split("\t")[0] == journeys["ryanggang"].interviewee.code
    assert len(out.splitlines()) == 1
    assert "량강도 → place:kp-ryanggang" in err
    assert "Not searched (your role reads coded journeys, not transcripts): 건넜어요" in err


def test_the_command_json_names_the_filters_and_the_words_not_searched(users, journeys):
    out, _err = run("량강도 건넜어요", "--user", "researcher", "--json")
    payload = json.loads(out)
    assert payload["total"] == 1
    assert payload["filters_from_words"] == {"량강도": "place:kp-ryanggang"}
    assert payload["ignored_words"] == ["건넜어요"]
    assert payload["words_ignored"] is True


def test_a_custodian_is_refused_with_a_clear_message_and_the_refusal_audited(users, journeys):
    with pytest.raises(CommandError) as refused:
        run("량강도", "--user", "custodian")
    assert str(refused.value) == "custodian may not search the testimonies (role: Custodian)."
    entry = AuditEntry.objects.filter(action="access.refused").latest("seq")
    assert entry.actor_name == "custodian"
    assert entry.detail["command"] == "search"


@pytest.mark.parametrize("words", ["-량강도", "NOT 량강도"])
def test_a_place_to_leave_out_is_not_turned_into_a_filter_that_selects_it(users, journeys, words):
    found = search(users["researcher"], words)
    assert found.words_as_filters == []
    assert found.ignored_words == ["량강도"]
    assert len(ids(found)) == 3
