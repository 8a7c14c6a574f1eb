"""The review page bounds its work: a long passage is detected in pieces with the same result,
and a reload detects nothing again (the results stay in process memory, under keyed hashes,
never in the database)."""

import pytest
from django.urls import reverse

from journeys.archive import services as archive
from journeys.protection import cache, detect
from journeys.protection.pseudonymise import Policy
from journeys.protection.review import review_state
from tests.protection.conftest import TESTIMONY, opened

pytestmark = pytest.mark.django_db

# Fictional: a broker's name, towns, a date and a phone number, repeated into a long passage.
KO_LONG = (
    "1998년 3월 15일에 브로커 김철수가 혜산에서 나를 데려갔어요. 그때 나는 열일곱 살이었어요. "
    "연길에서 박영남 사장 식당에서 일했는데 전화번호는 +86 138 1234 5678이었어요.\n"
) * 60
EN_LONG = (
    "On 15 March 1998 the broker Kim Chol-su took me from Hyesan. I was seventeen. "
    "In Yanji I worked for Pak Yong-nam, whose number was +86 138 1234 5678.\n"
) * 60


@pytest.fixture(autouse=True)
def empty_caches():
    cache.spans_cache.clear()
    cache.proposals_cache.clear()


@pytest.mark.parametrize(("text", "lang"), [(KO_LONG, "ko"), (EN_LONG, "en")])
def test_a_long_passage_detected_in_pieces_finds_what_it_finds_whole(monkeypatch, text, lang):
    assert len(text) > 3 * detect.CHUNK_CHARS
    pieces = detect.spans_each([text], lang)[0]
    monkeypatch.setattr(detect, "CHUNK_CHARS", len(text))
    whole = detect.spans_each([text], lang)[0]
    assert len(pieces) > 100
    assert pieces == whole


def test_a_reload_detects_nothing_again(users, told):
    first = review_state(opened(told, users["publisher"]))
    misses = cache.spans_cache.misses
    again = review_state(opened(told, users["publisher"]))
    assert cache.proposals_cache.hits == 1
    assert cache.spans_cache.misses == misses
    assert [s.digest for s in again.segments] == [s.digest for s in first.segments]


def test_a_changed_passage_is_detected_again_and_only_it(users, told):
    review_state(opened(told, users["publisher"]))
    misses = cache.spans_cache.misses
    changed = [TESTIMONY[0], archive.SegmentInput("김철수는 떠났어요.", TESTIMONY[1].text_en)]
    archive.transcript_save(acting_user=users["interviewer"], interview=told, segments=changed)
    state = review_state(opened(told, users["publisher"]))
    assert cache.spans_cache.misses == misses + 1  # the new Korean text, nothing else
    assert any(f.text == "김철수" for f in state.segments[1].findings["ko"])


def test_another_policy_is_worked_out_again_from_the_kept_spans():
    cache.proposals_of([(TESTIMONY[0].text_ko, "")], Policy(), [])
    by_country = cache.proposals_of([(TESTIMONY[0].text_ko, "")], Policy(place="country"), [])
    assert cache.proposals_cache.hits == 0
    assert cache.spans_cache.hits == 1
    assert any("북한" in r.replacement for r in by_country[0][0])


def test_the_page_keeps_results_only_under_keyed_hashes(users, told, as_role):
    response = as_role("publisher").get(reverse("protection:review", args=[told.pk]))
    assert response.status_code == 200
    keys = list(cache.spans_cache._entries) + list(cache.proposals_cache._entries)
    assert len(keys) == 5  # 2 passages x 2 languages, and the testimony's proposals
    assert {len(key) for key in keys} == {32}
    assert all("김철수".encode() not in key for key in keys)


def test_the_cache_keeps_no_more_than_its_bound():
    bounded = cache.BoundedCache(max_items=10)
    for n in range(5):
        bounded.put(bytes([n]) * 32, None, ("span",) * 4, 4)
    assert bounded._size <= 10
    assert bounded.get(bytes([4]) * 32, None) == ("span",) * 4
    assert bounded.get(bytes([0]) * 32, None) is None
