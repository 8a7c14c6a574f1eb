"""The evaluation code counts what it claims to count."""

import math

from bench.evaluate import Example, inline, read_klue, score


def test_inline_markup_gives_the_plain_text_and_its_spans():
    example = inline("<김씨:PERSON>가 <혜산:PLACE>에서 왔어요")
    assert example.text == "김씨가 혜산에서 왔어요"
    assert [(example.text[s:e], label) for s, e, label in example.gold] == [
        ("김씨", "PERSON"),
        ("혜산", "PLACE"),
    ]


def test_precision_and_recall_on_a_tiny_hand_made_example():
    # gold: two persons, one place, one unscored quantity
    example = Example(
        "0123456789abcdefghij",
        [(0, 3, "PERSON"), (5, 8, "PERSON"), (10, 12, "PLACE"), (14, 16, None)],
    )
    predicted = [
        (1, 2, "PERSON"),  # overlaps the first person: found, right
        (10, 12, "PERSON"),  # a place called a person: wrong, and the place is missed
        (14, 16, "PLACE"),  # only an unscored span: counts neither way
        (18, 19, "PLACE"),  # nothing there: wrong
    ]
    scores = score([example], [predicted])
    assert (scores["PERSON"].tp_gold, scores["PERSON"].gold) == (1, 2)
    assert (scores["PERSON"].tp_pred, scores["PERSON"].pred) == (1, 2)
    assert scores["PERSON"].recall == 0.5
    assert scores["PERSON"].precision == 0.5
    assert scores["PLACE"].recall == 0.0
    assert scores["PLACE"].precision == 0.0
    assert scores["PERSON"].misses == ["567"]


def test_a_year_stands_for_a_date_and_a_date_for_a_year():
    example = Example("1998년 3월", [(0, 8, "DATE")])
    assert score([example], [[(0, 4, "YEAR")]])["DATE"].recall == 1.0
    assert math.isnan(score([example], [[]])["DATE"].precision)


def test_klue_bio_lines_become_sentences_with_spans(tmp_path):
    path = tmp_path / "klue.tsv"
    path.write_text(
        "## id\t<박:PS>씨\n박\tB-PS\n씨\tO\n\n## id2\tx\n혜\tB-LC\n산\tI-LC\n", encoding="utf-8"
    )
    first, second = read_klue(path)
    assert (first.text, first.gold) == ("박씨", [(0, 1, "PERSON")])
    assert (second.text, second.gold) == ("혜산", [(0, 2, "PLACE")])


def test_a_name_highlighted_under_another_label_counts_only_for_highlight_recall():
    example = Example("보성이 형님", [(0, 2, "PERSON")])
    scores = score([example], [[(0, 2, "PLACE")]])
    assert scores["PERSON"].recall == 0.0
    assert scores["PERSON"].highlight_recall == 1.0
