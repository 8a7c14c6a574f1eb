"""Parsing queries and resolving their words."""

import pytest

from journeys.search.query import All, Any, Not, QueryError, Word, parse, query_build


def test_words_are_and_or_binds_tighter_and_minus_leaves_out():
    assert parse("탈북 중국 OR 연길 -공안") == All(
        (Word("탈북"), Any((Word("중국"), Word("연길"))), Not(Word("공안")))
    )


def test_a_phrase_keeps_its_words_together():
    assert parse('"sold to a farmer" Hyesan') == All(
        (Word("sold to a farmer", quoted=True), Word("Hyesan"))
    )


def test_minus_leaves_out_a_phrase_too():
    assert parse('집결소 -"석 달"') == All((Word("집결소"), Not(Word("석 달", quoted=True))))


@pytest.mark.parametrize("text", ["(혜산", "혜산)", "혜산 NOT", "x" * 501])
def test_malformed_queries_are_refused(text):
    with pytest.raises(QueryError):
        parse(text)


def test_a_codebook_spelling_in_two_words_is_one_word(db):
    query = query_build("North Hamgyong")
    assert query.words == 1
    assert "함경북도" in query.expanded


def test_an_alternative_that_holds_a_shorter_one_is_left_out(db):
    query = query_build("police")
    phrases = [child.hashes for child in query.node.children]
    for short in phrases:
        for long in phrases:
            if short != long:
                assert not any(
                    long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1)
                )
