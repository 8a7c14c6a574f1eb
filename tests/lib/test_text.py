from itertools import pairwise

import pytest

from journeys.lib.text import pieces, split

KO_SENTENCE = "그때 나는 열일곱 살이었고 두만강을 건넜어요. "


def test_a_short_text_is_one_piece():
    assert pieces("한 문장입니다.", 100) == [(0, 8)]


def test_an_empty_text_is_one_empty_piece():
    assert pieces("", 100) == [(0, 0)]


@pytest.mark.parametrize("limit", [50, 120, 1000])
def test_the_pieces_cover_the_text_in_order_and_none_is_too_long(limit):
    text = (KO_SENTENCE * 40 + "\n\n") * 5
    spans = pieces(text, limit)
    assert spans[0][0] == 0
    assert spans[-1][1] == len(text)
    assert len(spans) > 1
    assert all(a == b_prev for (_a, b_prev), (a, _b) in pairwise(spans))
    assert max(b - a for a, b in spans) <= limit


def test_a_paragraph_break_is_preferred_to_a_sentence_end():
    first = KO_SENTENCE * 3
    text = first + "\n\n" + KO_SENTENCE * 3
    assert split(text, len(first) + 10)[0] == first.strip()


def test_a_sentence_end_is_preferred_to_a_space():
    text = KO_SENTENCE * 10
    for part in split(text, 100):
        assert part.endswith("건넜어요.")


def test_a_text_without_any_boundary_is_cut_at_the_limit():
    assert pieces("가" * 250, 100) == [(0, 100), (100, 200), (200, 250)]


def test_split_drops_the_blank_between_pieces():
    assert split("첫째 문단.\n\n둘째 문단.", 8) == ["첫째 문단.", "둘째 문단."]
