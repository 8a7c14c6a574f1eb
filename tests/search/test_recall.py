"""What a search finds: inflected forms, North Korean spellings, codebook aliases, both
languages, phrases and operators; and what it must not find. Runs on SQLite and PostgreSQL."""

import pytest

from journeys.accounts.models import Team
from journeys.search.query import QueryError
from journeys.search.selectors import Filters, search
from tests.conftest import term

SOLD = "1998년 봄에 중국 연길로 팔려갔어요. 녀성들은 로동단련대에 끌려갔다고 들었어요."
SOLD_EN = "In the spring of 1998 I was sold to a farmer in Yanji. The women were taken away."
HYESAN = "저는 량강도 혜산에서 태어났습니다."
HYESAN_EN = "I was born in Hyesan, Ryanggang Province."
HOLDING = "집결소에서 석 달을 보냈습니다. 교화소에는 가지 않았어요."


@pytest.fixture
def archive(testimony):
    return {
        "sold": testimony([SOLD], [SOLD_EN]),
        "hyesan": testimony([HYESAN], [HYESAN_EN], province="kp-ryanggang"),
        "holding": testimony([HOLDING], ["I spent three months in the holding centre."]),
    }


def codes(user, text, filters=None):
    return {hit.interview_id for hit in search(user, text, filters).hits}


@pytest.mark.parametrize("word", ["팔리다", "팔려", "팔려갔다", "팔렸다", "팔려간"])
def test_inflected_forms_find_each_other(users, archive, word):
    assert codes(users["publisher"], word) == {archive["sold"].pk}


@pytest.mark.parametrize("word", ["여성", "녀성", "노동단련대", "로동단련대", "양강도", "량강도"])
def test_north_and_south_korean_spellings_find_each_other(users, archive, word):
    found = codes(users["publisher"], word)
    expected = archive["hyesan"].pk if "강도" in word else archive["sold"].pk
    assert expected in found


def test_a_north_korean_compound_is_found_by_the_south_korean_word_inside_it(users, testimony):
    workers = testimony(["아버지는 평양로동자였고 어머니는 농촌녀성이었어요."])
    assert codes(users["publisher"], "노동자") == {workers.pk}
    assert codes(users["publisher"], "여성") == {workers.pk}
    assert codes(users["publisher"], '"평양 노동자"') == {workers.pk}


def test_a_codebook_alias_finds_the_other_spellings_in_both_languages(users, archive):
    assert codes(users["publisher"], "Hyesan") == {archive["hyesan"].pk}
    assert codes(users["publisher"], "惠山") == {archive["hyesan"].pk}
    # Yanji is written 연길 in the Korean text only.
    assert archive["sold"].pk in codes(users["publisher"], "연길")


def test_an_english_word_finds_its_inflected_forms(users, archive):
    assert codes(users["publisher"], "farmers") == {archive["sold"].pk}
    assert codes(users["publisher"], "born") == {archive["hyesan"].pk}


def test_a_word_in_no_text_finds_nothing(users, archive):
    assert codes(users["publisher"], "평양") == set()
    assert codes(users["publisher"], "Pyongyang") == set()
    assert codes(users["publisher"], "쿼크") == set()


def test_two_syllable_words_are_found(users, archive):
    assert codes(users["publisher"], "중국") == {archive["sold"].pk}


def test_a_phrase_needs_its_words_in_order(users, archive):
    assert codes(users["publisher"], '"sold to a farmer"') == {archive["sold"].pk}
    assert codes(users["publisher"], '"farmer sold"') == set()


def test_and_or_not(users, archive):
    publisher = users["publisher"]
    assert codes(publisher, "집결소 교화소") == {archive["holding"].pk}
    assert codes(publisher, "집결소 혜산") == set()
    assert codes(publisher, "집결소 OR 혜산") == {archive["holding"].pk, archive["hyesan"].pk}
    assert codes(publisher, "태어나다 -혜산") == set()
    assert codes(publisher, "집결소 NOT 연길") == {archive["holding"].pk}


def test_only_words_to_leave_out_is_refused(users, archive):
    with pytest.raises(QueryError):
        search(users["publisher"], "NOT 혜산")


def test_a_stray_parenthesis_is_refused(users, archive):
    with pytest.raises(QueryError):
        search(users["publisher"], "(혜산")


def test_hits_are_ranked_by_relevance(users, testimony):
    once = testimony(["집결소에 있었다."])
    often = testimony(["집결소, 또 집결소. 집결소에서 집결소로."])
    hits = search(users["publisher"], "집결소").hits
    assert [h.interview_id for h in hits] == [often.pk, once.pk]


def test_a_rare_word_of_the_query_weighs_more_than_a_common_one(users, testimony):
    # As in BM25: 라오스 is in one testimony of eight, 중국 in all the others, so the one that
    # names Laos once ranks above one that says China four times.
    from django.db import connection

    for _ in range(6):
        testimony(["중국에서 일했다."])
    china = testimony(["중국, 또 중국. 중국에서 중국으로."])
    laos = testimony(["라오스로 갔다."])
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_doc")  # what autovacuum does on a server
    hits = [h.interview_id for h in search(users["publisher"], "중국 OR 라오스").hits]
    assert hits[0] == laos.pk
    assert china.pk in hits


def test_above_the_hit_limit_only_the_newest_hits_are_ranked_and_counted(
    users, testimony, monkeypatch
):
    from journeys.search import selectors

    monkeypatch.setattr(selectors, "HIT_LIMIT", 2)
    often = testimony(["집결소, 또 집결소. 집결소에서 집결소로."])
    once = testimony(["집결소에 있었다."])
    twice = testimony(["집결소에서 집결소로 갔다."])
    found = search(users["publisher"], "집결소")
    assert found.more
    assert found.total == 2
    # The oldest testimony, the best match, is left out; the two newest are ranked.
    assert [h.interview_id for h in found.hits] == [twice.pk, once.pk]
    assert often.pk not in {h.interview_id for h in found.hits}
    assert found.facets_capped


def test_at_the_hit_limit_every_hit_is_ranked_and_counted(users, testimony, monkeypatch):
    from journeys.search import selectors

    monkeypatch.setattr(selectors, "HIT_LIMIT", 2)
    often = testimony(["집결소, 또 집결소. 집결소에서 집결소로."])
    once = testimony(["집결소에 있었다."])
    found = search(users["publisher"], "집결소")
    assert not found.more
    assert [h.interview_id for h in found.hits] == [often.pk, once.pk]
    assert not found.facets_capped


def test_the_hit_limit_counts_only_true_phrase_hits_however_many_hold_the_words(
    users, testimony, monkeypatch
):
    # PostgreSQL first finds the testimonies that hold the words in any order, newest first,
    # then checks the phrase: the newer ones that fail it must not use up the limit.
    from journeys.search import selectors

    monkeypatch.setattr(selectors, "HIT_LIMIT", 2)
    phrase = [testimony([], [f"{who} was sold to a farmer."]) for who in ("Ae-ran", "Bo-ra")]
    words = [testimony([], [f"The farmer {how} sold {who}."]) for how, who in [("had", "me")] * 2]
    found = search(users["publisher"], '"sold to a farmer"')
    assert not found.more
    assert {h.interview_id for h in found.hits} == {t.pk for t in phrase}
    assert codes(users["publisher"], 'farmer -"sold to a farmer"') == {t.pk for t in words}


def test_pages_follow_the_ranking(users, testimony):
    # Testimonies of one length, so that only how often they say the word ranks them.
    made = [testimony(["집결소에 " * n + "시장에 " * (5 - n) + "있었다."]) for n in range(1, 6)]
    first = search(users["publisher"], "집결소", page_size=2)
    third = search(users["publisher"], "집결소", page=3, page_size=2)
    assert first.total == 5
    assert first.pages == 3
    assert [h.interview_id for h in first.hits] == [made[4].pk, made[3].pk]
    assert [h.interview_id for h in third.hits] == [made[0].pk]


def test_a_facet_narrows_the_hits_and_counts_them(users, archive):
    ryanggang = term("place", "kp-ryanggang")
    found = search(users["publisher"], "", Filters(terms=(("province", ryanggang.pk),)))
    assert {h.interview_id for h in found.hits} == {archive["hyesan"].pk}
    provinces = next(f for f in found.facets if f.name == "province")
    assert [(v.term.code, v.count, v.selected) for v in provinces.values] == [
        ("kp-ryanggang", 1, True)
    ]


def test_another_teams_testimonies_are_not_found(users, testimony):
    other = users["publisher"].__class__.objects.create(
        username="elsewhere", role="publisher", team=Team.objects.create(name="Bangkok")
    )
    testimony(["혜산에서 왔어요."])
    assert codes(other, "혜산") == set()


@pytest.fixture
def bangkok(users):
    """Two members of a second team: an interviewer and a publisher."""
    team = Team.objects.create(name="Bangkok")
    make = users["publisher"].__class__.objects.create
    return {
        "interviewer": make(username="bk-interviewer", role="interviewer", team=team),
        "publisher": make(username="bk-publisher", role="publisher", team=team),
    }


def test_each_team_finds_only_its_own_testimonies(users, testimony, bangkok):
    ours = testimony(["혜산에서 왔어요."], province="kp-ryanggang")
    theirs = testimony(["혜산에서 왔어요."], province="kp-ryanggang", user=bangkok["interviewer"])
    ryanggang = Filters(terms=(("province", term("place", "kp-ryanggang").pk),))
    for text, filters in [("혜산", None), ("혜산", ryanggang), ("", ryanggang), ("", None)]:
        assert codes(users["publisher"], text, filters) == {ours.pk}
        assert codes(bangkok["publisher"], text, filters) == {theirs.pk}


def test_a_researcher_filters_coded_journeys_but_does_not_search_transcript_words(users, archive):
    found = search(users["researcher"], "혜산")
    assert found.words_ignored
    assert found.query is None
    assert found.total == 3  # every testimony of her team: the words were not applied


def test_the_custodian_cannot_search(users, archive):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        search(users["custodian"], "혜산")


def test_the_language_filter_and_year_range_narrow_the_hits(users, testimony):
    korean = testimony(["혜산에서 왔어요."], language="ko")
    testimony(["혜산에서 왔어요."], ["I came from Hyesan."], language="ko+en")
    found = search(users["publisher"], "혜산", Filters(language="ko"))
    assert [h.interview_id for h in found.hits] == [korean.pk]
    assert search(users["publisher"], "혜산", Filters(left_from=1990, left_until=2000)).total == 0


def test_too_many_hits_show_only_the_chosen_facets(users, archive, monkeypatch):
    from journeys.search import selectors

    monkeypatch.setattr(selectors, "HIT_LIMIT", 1)
    found = search(users["publisher"], "")
    assert found.total == 3
    assert found.facets_capped
    assert found.facets == []
