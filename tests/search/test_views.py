"""The results page, the suggestions and the search box, for each kind of reader."""

import pytest
from django.urls import reverse

from journeys.audit.models import AuditEntry
from journeys.codebook.models import Kind
from tests.conftest import term

HYESAN = "저는 량강도 혜산에서 태어났습니다. 1998년에 중국으로 팔려갔어요."
HYESAN_EN = "I was born in Hyesan. In 1998 I was sold into China."


@pytest.fixture
def as_role(as_role):
    """Signed in, reading the pages in English (the Korean page has its own test)."""

    def sign_in(role):
        client = as_role(role)
        client.cookies["journeys_language"] = "en"
        return client

    return sign_in


@pytest.fixture
def hyesan(testimony):
    return testimony([HYESAN], [HYESAN_EN], province="kp-ryanggang")


def test_a_publisher_sees_hits_with_marked_snippets_in_both_languages(as_role, hyesan):
    response = as_role("publisher").get(reverse("search:results"), {"q": "Hyesan"})
    assert response.status_code == 200
    page = response.content.decode()
    assert hyesan.interviewee.code in page
    assert "<mark>혜산</mark>" in page
    assert "<mark>Hyesan</mark>" in page


def test_a_researcher_sees_codes_and_facets_but_no_transcript(as_role, hyesan):
    response = as_role("researcher").get(reverse("search:results"), {"q": "혜산"})
    page = response.content.decode()
    assert response.status_code == 200
    assert hyesan.interviewee.code in page
    assert "태어났습니다" not in page
    assert "<mark>" not in page
    assert "the words were not searched" in page


def test_the_custodian_is_refused(as_role, hyesan):
    response = as_role("custodian").get(reverse("search:results"), {"q": "혜산"})
    assert response.status_code == 403


def test_a_facet_link_filters_the_results(as_role, hyesan, testimony):
    testimony(["청진에서 왔어요."])
    province = term(Kind.PLACE, "kp-ryanggang")
    response = as_role("publisher").get(
        reverse("search:results"), {"q": "", "f": f"province:{province.pk}"}
    )
    page = response.content.decode()
    assert "1 testimony found" in page
    assert hyesan.interviewee.code in page


def test_a_filter_that_is_not_from_the_codebook_is_refused_and_changes_nothing(as_role, hyesan):
    response = as_role("publisher").get(reverse("search:results"), {"f": "secret:1"})
    assert "not a codebook filter" in response.content.decode()
    assert not AuditEntry.objects.filter(action="search.searched").exists()


def test_htmx_gets_only_the_results(as_role, hyesan):
    response = as_role("publisher").get(
        reverse("search:results"), {"q": "혜산"}, headers={"HX-Request": "true"}
    )
    page = response.content.decode()
    assert "<html" not in page
    assert hyesan.interviewee.code in page


def test_a_search_is_audited_without_its_words(as_role, users, hyesan):
    as_role("publisher").get(reverse("search:results"), {"q": "혜산 팔려갔어요"})
    entry = AuditEntry.objects.get(action="search.searched")
    assert entry.actor == users["publisher"]
    assert entry.detail["words"] == 2
    assert entry.detail["hits"] == 1
    assert entry.detail["snippets"] == 1
    assert len(entry.detail["query"]) == 16
    assert "혜산" not in str(entry.detail)


def test_a_malformed_query_says_why(as_role, hyesan):
    response = as_role("publisher").get(reverse("search:results"), {"q": "NOT 혜산"})
    assert "at least one word to find" in response.content.decode()


def test_suggestions_come_from_the_codebook_in_both_languages(as_role, hyesan):
    response = as_role("publisher").get(reverse("search:suggest"), {"q": "양강"})
    page = response.content.decode()
    assert "량강도" in page
    assert "Ryanggang" in page
    assert "f=place:" in page


def test_every_page_has_the_search_box_for_readers_of_the_archive(as_role):
    page = as_role("coder").get(reverse("core:home")).content.decode()
    assert 'action="/search/"' in page


def test_the_custodian_has_no_search_box(as_role):
    page = as_role("custodian").get(reverse("core:home")).content.decode()
    assert 'action="/search/"' not in page


def test_the_page_speaks_korean(as_role, hyesan):
    client = as_role("publisher")
    client.cookies["journeys_language"] = "ko"
    page = client.get(reverse("search:results"), {"q": "혜산"}).content.decode()
    assert "<mark>혜산</mark>" in page


@pytest.mark.parametrize(
    ("language", "says"),
    [
        ("en", "More than 1 testimonies found: the 1 most recently added are ranked and shown."),
        ("ko", "가장 최근에 추가된 1건"),
    ],
)
def test_the_page_says_when_only_the_newest_hits_are_ranked(
    as_role, testimony, monkeypatch, language, says
):
    from journeys.search import selectors

    monkeypatch.setattr(selectors, "HIT_LIMIT", 1)
    testimony(["혜산에서 왔어요."])
    newest = testimony(["혜산에서 또 왔어요."])
    client = as_role("publisher")
    client.cookies["journeys_language"] = language
    page = client.get(reverse("search:results"), {"q": "혜산"}).content.decode()
    assert says in page
    assert newest.interviewee.code in page


@pytest.mark.parametrize(
    ("language", "says"),
    [("en", "indexed by an earlier version of the search"), ("ko", "이전 버전의 검색")],
)
def test_the_page_asks_for_a_reindex_when_an_interview_was_indexed_by_an_earlier_analysis(
    as_role, hyesan, language, says
):
    from django.db import connection

    client = as_role("publisher")
    client.cookies["journeys_language"] = language
    assert says not in client.get(reverse("search:results"), {"q": "혜산"}).content.decode()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE search_doc SET version = version - 1")
    assert says in client.get(reverse("search:results"), {"q": "혜산"}).content.decode()


def test_the_snippet_comes_from_the_passage_that_holds_the_words(as_role, testimony):
    testimony(
        ["고향은 청진입니다.", "집결소에서 석 달을 보냈어요.", "그 뒤에 남쪽으로 왔어요."],
        [
            "My home is Chongjin.",
            "I spent three months in the holding centre.",
            "Then I came south.",
        ],
    )
    page = as_role("publisher").get(reverse("search:results"), {"q": "집결소"}).content.decode()
    assert "<mark>집결소</mark>에서 석 달을" in page
    assert "<mark>holding</mark> <mark>centre</mark>" in page
    assert "청진입니다" not in page
